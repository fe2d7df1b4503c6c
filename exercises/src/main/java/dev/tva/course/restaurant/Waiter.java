package dev.tva.course.restaurant;

import java.util.List;

/*
 * The tutorial's restaurant (lesson restaurant, §1): three orders that only wait in the kitchen, pizza, salad and
 * coffee. One after another they take the sum of their times; started together, the waits overlap and the three
 * take about as long as the longest. `./lab lesson restaurant` shows it on each model.
 */

/** Serves a table's orders: the interface the student's {@code StudentWaiter} implements and the checks call. */
public interface Waiter {

    /**
     * Has the kitchen cook every order, and returns the dishes once every one of them is cooked (in any order).
     *
     * @param orders  what the table ordered
     * @param kitchen cooks one order: {@link Kitchen#cook} waits as long as the order takes
     */
    List<Dish> serve(List<Order> orders, Kitchen kitchen) throws InterruptedException;

    /** One order: the dish and how long the kitchen takes to make it, in milliseconds. */
    record Order(String dish, long millis) {
    }

    /** A cooked dish. */
    record Dish(String name) {
    }

    /** The kitchen: cooking an order is only waiting (nothing computes meanwhile), as long as the order takes. */
    interface Kitchen {
        /** Waits the order's time on the calling thread, then returns its dish. */
        Dish cook(Order order) throws InterruptedException;
    }
}
