package newsflow.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paging token: the last hit's sort values, given back as they were whatever their type. */
class CursorTest {

    @Test
    void everyKindOfSortValueComesBackAsItWas() {
        List<FieldValue> values = List.of(FieldValue.of(1.25), FieldValue.of(1793379600000L),
                FieldValue.of("id \"quoted\" ünïcode/é"), FieldValue.of(true), FieldValue.NULL);

        String token = Cursor.encode(values);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(token, 5)).extracting(FieldValue::_kind)
                .containsExactly(FieldValue.Kind.Double, FieldValue.Kind.Long, FieldValue.Kind.String,
                        FieldValue.Kind.Boolean, FieldValue.Kind.Null);
        assertThat(Cursor.decode(token, 5)).extracting(v -> v.isNull() ? null : v._get())
                .containsExactly(1.25, 1793379600000L, "id \"quoted\" ünïcode/é", true, null);
    }

    @Test
    void aTokenOfAnotherSortIsRefused() {
        String token = Cursor.encode(List.of(FieldValue.of(1L), FieldValue.of("a")));

        assertThatThrownBy(() -> Cursor.decode(token, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to this query");
    }
}
