package dev.tva.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Code that ends the check JVM cannot hide the checks that already ran, nor pass the ones that did not. */
class CheckJvmIT {
    private static final String STUB = "exercises/src/main/java/dev/tva/exercises/restaurant/StudentWaiter.java";

    @Test
    void aCheckJvmThatExitsKeepsTheResultsWrittenAndFailsTheRestSayingWhy(@TempDir Path copy) throws Exception {
        // A waiter that serves one order after another, and prints and calls System.exit(3) the second time it is
        // called (in the second check).
        String exiting = """
                package dev.tva.exercises.restaurant;

                import dev.tva.course.restaurant.Waiter;
                import java.util.ArrayList;
                import java.util.List;

                public class StudentWaiter implements Waiter {
                    private int calls;

                    @Override
                    public List<Dish> serve(List<Order> orders, Kitchen kitchen) throws InterruptedException {
                        if (++calls == 2) {
                            System.out.println("leaving");
                            System.exit(3);
                        }
                        List<Dish> dishes = new ArrayList<>();
                        for (Order order : orders) {
                            dishes.add(kitchen.cook(order));
                        }
                        return dishes;
                    }
                }
                """;
        Path target = copy.resolve(STUB);
        Files.createDirectories(target.getParent());
        Files.writeString(target, exiting, StandardCharsets.UTF_8);
        Exercise restaurant = Exercises.byId("restaurant").orElseThrow();

        Grade grade = Grader.grade(restaurant, Source.STUDENT, copy);

        assertThat(grade).isInstanceOf(Grade.Checked.class);
        Grade.Checked checked = (Grade.Checked) grade;
        assertThat(checked.results()).hasSize(restaurant.checks().checks().size());
        assertThat(checked.results().getFirst().passed()).as(checked.results().getFirst().saw()).isTrue();
        assertThat(checked.results().subList(1, checked.results().size())).allSatisfy(result -> {
            assertThat(result.passed()).isFalse();
            assertThat(result.saw()).isEqualTo("not run: the check JVM exited first (exit code 3; its output is above)");
            assertThat(result.hint()).isNotBlank();
        });
        assertThat(checked.output()).contains("leaving");
        assertThat(checked.exitCode()).isEqualTo(1);
    }
}
