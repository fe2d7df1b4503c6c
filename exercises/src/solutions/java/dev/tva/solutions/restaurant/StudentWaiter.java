package dev.tva.solutions.restaurant;

import dev.tva.course.restaurant.Waiter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/*
 * SOLUTION restaurant. Every order is started before any is waited for, each on a virtual thread of its own, so
 * the three waits overlap: the table waits about as long as the pizza alone. The executor's try-with-resources
 * is the "wait for all": close() returns once every thread it started has finished.
 */

/** The reference waiter: a virtual thread per order, all started at once, all waited for. */
public class StudentWaiter implements Waiter {

    @Override
    public List<Dish> serve(List<Order> orders, Kitchen kitchen) throws InterruptedException {
        List<Future<Dish>> cooking = new ArrayList<>();
        try (ExecutorService perOrder = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Order order : orders) {
                cooking.add(perOrder.submit(() -> kitchen.cook(order)));
            }
        } // close() waits for every order
        List<Dish> dishes = new ArrayList<>();
        for (Future<Dish> dish : cooking) {
            try {
                dishes.add(dish.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("the kitchen failed an order", e.getCause());
            }
        }
        return dishes;
    }
}
