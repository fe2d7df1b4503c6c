package dev.tva.exercises.restaurant;

import dev.tva.course.restaurant.Waiter;

import java.util.ArrayList;
import java.util.List;

/*
 * EXERCISE restaurant (lesson restaurant, tutorial §1).
 *
 * A table orders pizza (300 ms), salad (100 ms) and coffee (20 ms). Cooking is only waiting: kitchen.cook(order)
 * sleeps for the order's time. This waiter serves the orders one after another, so the table waits for the sum,
 * 420 ms, while the kitchen could have made all three in the time of the longest.
 *
 * Your job: serve the three orders at once, each cooked on a virtual thread of its own, and return only when every
 * dish is cooked. Check it (no rebuild needed):
 *
 *   ./lab exercise check restaurant
 */

/** The student's waiter: serves the orders one after another, on the caller's thread. */
public class StudentWaiter implements Waiter {

    @Override
    public List<Dish> serve(List<Order> orders, Kitchen kitchen) throws InterruptedException {
        // TODO: cook every order at the same time, each on a virtual thread, and wait for all of them.
        List<Dish> dishes = new ArrayList<>();
        for (Order order : orders) {
            dishes.add(kitchen.cook(order));
        }
        return dishes;
    }
}
