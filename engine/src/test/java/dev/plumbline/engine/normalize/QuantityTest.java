package dev.plumbline.engine.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} and {1} are the same amount: {2}")
    @CsvSource({
        "500m, 0.5, true",
        "1Gi, 1024Mi, true",
        "1000m, 1, true",
        "1k, 1e3, true",
        "1.5Gi, 1536Mi, true",
        "100M, 100Mi, false",
        "1, 2, false",
        "fast, fast, false",
    })
    void spellingsOfOneAmountAreEqual(String a, String b, boolean same) {
        assertThat(Quantity.sameAmount(TextNode.valueOf(a), TextNode.valueOf(b)))
                .isEqualTo(same);
    }

    @ParameterizedTest(name = "the number {0} is the amount {1}")
    @CsvSource({"1, 1000m", "0.25, 250m"})
    void numbersAreQuantitiesToo(String number, String text) {
        JsonNode value = number.contains(".")
                ? DoubleNode.valueOf(Double.parseDouble(number))
                : IntNode.valueOf(Integer.parseInt(number));
        assertThat(Quantity.sameAmount(value, TextNode.valueOf(text))).isTrue();
    }
}
