package io.ankirag.domain.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture must fail whenever the specification does not hold, or the specifications written with it prove nothing. */
class DeciderFixtureTest {

    /** A box that holds two items: "add" puts one in, "keep" changes nothing, "corrupt" decides an event it cannot replay. */
    private static List<String> decide(Integer items, String command) {
        return switch (command) {
            case "add" -> {
                if (items >= 2) {
                    throw new DomainException(ErrorCode.REQ_002, "the box is full");
                }
                yield List.of("added");
            }
            case "keep" -> List.of();
            case "corrupt" -> List.of("bogus");
            default -> throw new IllegalArgumentException(command);
        };
    }

    private static Integer evolve(Integer items, String event) {
        if (!event.equals("added")) {
            throw new IllegalStateException(event);
        }
        return items + 1;
    }

    private final DeciderFixture<Integer, String, String> box = DeciderFixture.of(0, DeciderFixtureTest::decide, DeciderFixtureTest::evolve);

    @Test
    void passesWhenTheSpecificationHolds() {
        assertThatCode(() -> {
            box.when("add").then("added");
            box.given("added").when("keep").thenNothing();
            box.given("added", "added").when("add").thenRefused(ErrorCode.REQ_002).withDetailContaining("full");
        }).doesNotThrowAnyException();
    }

    @Test
    void thenFailsOnOtherEvents() {
        assertThatThrownBy(() -> box.when("add").then("added", "added")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> box.when("add").then()).isInstanceOf(AssertionError.class);
    }

    @Test
    void thenFailsOnARefusalAndSaysItsCode() {
        assertThatThrownBy(() -> box.given("added", "added").when("add").then("added"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("REQ_002");
    }

    @Test
    void thenFailsWhenADecidedEventCannotBeReplayed() {
        assertThatThrownBy(() -> box.when("corrupt").then("bogus")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thenNothingFailsWhenEventsWereDecided() {
        assertThatThrownBy(() -> box.when("add").thenNothing()).isInstanceOf(AssertionError.class);
    }

    @Test
    void thenNothingFailsOnARefusal() {
        assertThatThrownBy(() -> box.given("added", "added").when("add").thenNothing()).isInstanceOf(AssertionError.class);
    }

    @Test
    void thenRefusedFailsWhenEventsWereDecided() {
        assertThatThrownBy(() -> box.when("add").thenRefused(ErrorCode.REQ_002)).isInstanceOf(AssertionError.class);
    }

    @Test
    void thenRefusedFailsOnAnotherCode() {
        assertThatThrownBy(() -> box.given("added", "added").when("add").thenRefused(ErrorCode.DECK_001))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void withDetailContainingFailsOnAnotherDetail() {
        assertThatThrownBy(() -> box.given("added", "added").when("add").thenRefused(ErrorCode.REQ_002).withDetailContaining("empty"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void givenRejectsAHistoryThatCannotHappen() {
        assertThatThrownBy(() -> box.given("added", "bogus")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailureOtherThanARefusalIsNotSwallowed() {
        assertThatThrownBy(() -> box.when("shake")).isInstanceOf(IllegalArgumentException.class);
    }
}
