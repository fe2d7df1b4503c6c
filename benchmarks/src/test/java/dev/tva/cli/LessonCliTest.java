package dev.tva.cli;

import dev.tva.lessons.Lesson;
import dev.tva.lessons.Section;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab lessons} lists every lesson once, every lesson has its page, and a wrong id gets the list of ids. */
class LessonCliTest {
    private static final Path LESSONS_DOCS = Path.of("..", "docs", "lessons");

    @Test
    void lessonsListsEveryLessonWithItsSectionAndRunTime() {
        LabCliTest.Ran ran = LabCliTest.lab("lessons");

        assertThat(ran.exit()).isZero();
        for (LessonRegistry entry : LessonRegistry.values()) {
            Lesson<?> lesson = entry.lesson();
            assertThat(ran.out()).containsPattern("(?m)^" + lesson.id() + " +" + lesson.section().label() + " +~" + lesson.expectedSeconds() + " s ");
        }
    }

    @Test
    void anUnknownLessonIsOneLineListingTheIdsAndExitCodeTwo() {
        LabCliTest.Ran ran = LabCliTest.lab("lesson", "nosuch");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("'nosuch' is not a lesson").contains(LessonRegistry.ids()).doesNotContain("Exception");
        assertThat(ran.out()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--streams {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "0     | expected a whole number >= 1, got 0",
            "30000 | expected 1..20000, got 30000",
            "many  | 'many' is not a whole number"})
    void aBadStreamCountIsOneLineAndExitCodeTwo(String streams, String expected) {
        LabCliTest.Ran ran = LabCliTest.lab("lesson", "long-lived", "--streams", streams.trim());

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("--streams").contains(expected.trim()).doesNotContain("Exception");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void idsAreUniqueAndEveryTutorialSectionHasALesson() {
        Set<String> ids = Arrays.stream(LessonRegistry.values()).map(e -> e.lesson().id()).collect(Collectors.toSet());
        assertThat(ids).hasSize(LessonRegistry.values().length);
        Set<Section> taught = Arrays.stream(LessonRegistry.values()).map(e -> e.lesson().section())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Section.class)));
        assertThat(taught).containsExactlyInAnyOrder(Section.values());
    }

    @Test
    void everyLessonHasAPageWithAnOutputBlockAndTheSectionsPageLinksIt() throws IOException {
        String readme = Files.readString(LESSONS_DOCS.resolve("README.md"));
        for (LessonRegistry entry : LessonRegistry.values()) {
            String id = entry.lesson().id();
            Path page = LESSONS_DOCS.resolve(id + ".md");
            assertThat(page).as(id).exists();
            assertThat(Files.readString(page)).as(id).contains("./lab lesson " + id).contains("<!-- OUTPUT:BEGIN -->").contains("<!-- OUTPUT:END -->");
            assertThat(readme).as(id).contains("(" + id + ".md)");
        }
    }
}
