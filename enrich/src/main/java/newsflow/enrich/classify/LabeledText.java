package newsflow.enrich.classify;

import java.util.List;

/**
 * One labelled training or test item, as in a {@code {id,title,text,labels}} JSON line.
 *
 * @param id     the item's id (for error messages), may be empty
 * @param title  headline, may be empty
 * @param text   body text, may be empty
 * @param labels the item's categories; at least one for training
 */
public record LabeledText(String id, String title, String text, List<String> labels) {

    public LabeledText {
        id = id == null ? "" : id;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
