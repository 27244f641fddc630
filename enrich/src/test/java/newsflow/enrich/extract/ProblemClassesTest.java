package newsflow.enrich.extract;

import newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fixture per class of page that extractors get wrong (our own pages, written for these tests): each test
 * names the problem, checks that the article text is all there and that the noise is not.
 */
class ProblemClassesTest {

    private static String body(String fixture) {
        return ArticleExtractor.extract(Fixtures.html("classes/" + fixture), "https://news.example/story").body();
    }

    @Test
    void bylineAndAuthorLabelsLeftWithoutTheirValuesAreDroppedAtTheEdges() {
        String body = body("byline-labels-without-values.html");
        assertThat(body).startsWith("A lemon tree in a pot needs a new home")
                .endsWith("the steps above are all a repotting needs.");
        assertThat(body).doesNotContain("Posted By", "Posted On").doesNotContainPattern("(?m)^Author$");
    }

    @Test
    void articleInsideWrapperNamedAfterItsSidebarIsKept() {
        String body = body("sidebar-named-wrapper.html");
        assertThat(body).contains("Apple and pear growers", "Temperatures fell to minus four",
                "extend its drought relief fund", "said its chair, Maria Olsen");
        assertThat(body).doesNotContain("Most read", "Bridge closure extended", "All rights reserved");
    }

    @Test
    void textSplitIntoManySimilarBlocksIsKeptWhole() {
        String body = body("steps-in-separate-blocks.html");
        assertThat(body).contains("Ferns outgrow their pots", "Water the fern a day ahead",
                "Choose a new pot only a little wider", "Loosen the outer roots gently",
                "Keep the plant out of direct sun", "Step 3");
        assertThat(body).doesNotContain("More about ferns", "Green Shelf");
    }

    @Test
    void sectionsInBlocksBuiltAlikeAreKeptWholeWhenOneOutscoresTheOthers() {
        String body = body("sections-in-styled-blocks.html");
        assertThat(body).contains("Flour decides more about a loaf", "Strong white flour, milled from hard wheat",
                "Wholemeal keeps the bran", "Rye has little gluten", "Spelt, an old relative of wheat",
                "the best scones and flatbreads there are");
        assertThat(body).doesNotContain("Keeping a starter alive", "Crumb Notes");
    }

    @Test
    void storyWrittenInsideAHeaderElementIsKept() {
        String body = body("story-in-header-element.html");
        assertThat(body).contains("Villagers in Low Marsh woke on Tuesday", "a spring that feeds the pond from below",
                "at least for a few days");
        assertThat(body).doesNotContain("How deep do garden ponds", "Frogspawn in January", "Water Lines");
    }

    @Test
    void commentsSectionNamedAfterItsCommentsHeadingIsNotTheStory() {
        String body = body("comments-named-after-their-heading.html");
        assertThat(body).contains("The harbour fair opened on Saturday", "the crowd cheered anyway");
        assertThat(body).doesNotContain("whelk stall", "Quayside Kim", "the gull that tried to take the ball");
    }

    @Test
    void sectionsNamedAfterTheirHeadingAndTypesetFormulasAreKept() {
        String body = body("math-and-section-anchors.html");
        assertThat(body).contains("Gearbox keeps every branch", "Sharing work with a reviewer",
                "Push the branch to the review store", "pushed 3 commits to review",
                "When the reviewer approves", "The cost of a merge", "c = d 2", "for two branches");
        assertThat(body).doesNotContain("Share this page", "index");
    }

    @Test
    void longDataTableKeepsTheProseAroundIt() {
        String body = body("long-data-table.html");
        assertThat(body).contains("Films about repeating days follow a character", "sorted by year of release",
                "Loop Road | 2012", "Back at Noon | 2023", "Stuck in Time: A Viewer's Guide",
                "Why we keep rewatching the same day");
        assertThat(body).doesNotContain("Random article", "open licence");
    }

    @Test
    void introWrappedDeeperThanTheRestOfTheStoryIsKept() {
        String body = body("intro-nested-deeper.html");
        assertThat(body).contains("Sixty years ago a room full of humming cabinets", "The machine filled three walls",
                "The first forecasts came out a day late", "the weather office bought a machine of its own");
        assertThat(body).doesNotContain("Clouds, explained", "Field Notes");
    }

    @Test
    void storyInWrappersThatAlsoHeldAdSlotsIsKeptWhole() {
        String body = body("wrappers-with-empty-slots.html");
        assertThat(body).contains("The sale of the city's oldest bakery", "First, the chain buys the building",
                "Second, staff hired before the spring", "it expected an answer before the sale closes");
        assertThat(body).doesNotContain("Market Street Journal");
    }

    @Test
    void wordsInsideASentenceAreKeptWhateverTheirClassSays() {
        String body = body("inline-named-like-widgets.html");
        assertThat(body).contains("with a note saying that the best records are the plainest ones, and for once",
                "wrote in a hand that never once slanted over forty years", "The last entry, for a delivery");
        assertThat(body).doesNotContain("Share", "Archive Letters");
    }

    @Test
    void standfirstWrittenInAHeaderElementIsKeptButHeaderFurnitureIsNot() {
        String body = body("standfirst-in-header.html");
        assertThat(body).contains("Inside a hive there is no light at all", "felt rather than seen",
                "Researchers filmed colonies", "flew straight to the feeding station");
        assertThat(body).doesNotContain("Lena Okoro", "2 May 2024", "Topics", "About us");
    }

    @Test
    void relatedStoryRailsInsideTheArticleAreDroppedButCitedSourcesStay() {
        String body = body("related-rails.html");
        assertThat(body).contains("approved two kilometres", "Shop owners had asked", "cites these studies:",
                "Protected lanes and retail footfall, 2022", "Junction safety in mid-sized cities",
                "Construction is due to start in September");
        assertThat(body).doesNotContain("Related:", "Bus lane vote postponed", "More:", "Parking charges rise",
                "New crossings outside three schools", "You may also like", "The new library opens",
                "Market hall gets a new roof");
    }

    @Test
    void postWrittenWithBreaksInsteadOfParagraphsInsideAWidgetNamedBlockIsKept() {
        String body = body("br-text-in-widget.html");
        assertThat(body).contains("The radio my grandfather left me", "Two of the paper capacitors",
                "I replaced the capacitors", "After an hour of careful alignment");
        assertThat(body).doesNotContain("Archive", "April");
    }

    @Test
    void newsletterBoxesTipLinesAndAdLabelsAreDropped() {
        String body = body("newsletter-and-promos.html");
        assertThat(body).contains("stay open until midnight", "The longer hours will run for six weeks",
                "open the ground-floor reading room");
        assertThat(body).doesNotContain("Advertisement", "Close", "Sign up for our free morning newsletter",
                "Have a tip?");
    }

    @Test
    void paywallStubKeepsOnlyTheTeaserText() {
        String body = body("paywall-stub.html");
        assertThat(body).contains("For three years the plan to turn the old fish market");
        assertThat(body).doesNotContain("Subscribe", "unlimited access");
    }

    @Test
    void quotedSocialPostsStayWhilePublicationStampsAndShareLabelsGo() {
        String body = body("stamps-and-embeds.html");
        assertThat(body).contains("The tourism board unveiled", "come for the potholes, stay",
                "already met its goal");
        assertThat(body).doesNotContain("PUBLISHED:", "Share this on WhatsApp", "Updated at 1:23", "Facebook");
    }

    @Test
    void shortPostInAWrapperNamedAfterItsAuthorIsKeptOverALongerSidebar() {
        String body = body("post-wrapper-named-after-author.html");
        assertThat(body).contains("The night ferry to the outer islands sails again from Monday",
                "reopened to the larger boats");
        assertThat(body).doesNotContain("Anna Berg", "Birds of the Skerries");
    }

    @Test
    void shortStoryIsChosenOverLongerTeasersThatShareNoWordsWithItsTitleAndDescription() {
        String body = body("short-story-beaten-by-teasers.html");
        assertThat(body).contains("Kellford opened a cider museum in the old pressing barn", "Entry is free");
        assertThat(body).doesNotContain("Engineers", "Route 12", "Stallholders");
    }

    @Test
    void commentSectionLeftInTheTextIsCutFromItsFirstLine() {
        String body = body("comment-section-without-names.html");
        assertThat(body).contains("The village shop in Ashby opens every Sunday morning",
                "ask its customers in the spring whether they would rather it opened later in the day.");
        assertThat(body).doesNotContain("TrackBack URL", "blog.example/trackback", "Listed below are links",
                "Post a comment", "Great to see the shop", "comments powered by");
    }

    @Test
    void headlinesOfOtherStoriesAndTheirLabelAfterTheStoryAreDroppedButTheStorysOwnListStays() {
        String body = body("headline-rail-after-story.html");
        assertThat(body).contains("Fares on the island ferries will rise", "The changes cover three kinds of ticket:",
                "Single and return fares for foot passengers", "Freight tariffs for vans and lorries",
                "as it did in 2019.");
        assertThat(body).doesNotContain("More content from", "Harbour master retires", "School sports day",
                "Follow Island Gazette");
    }

    @Test
    void postThatIsAListOfTheSitesOwnLinksIsNotPrunedEmpty() {
        String body = body("links-roundup-post.html");
        assertThat(body).contains("How we finally grew leeks thicker than a thumb",
                "Rebuilding the shed roof before the spring rain");
    }

    @Test
    void leadingBylineDateAndReadingTimeLinesAndASocialLabelAreTrimmedAsTheyAreMetadata() {
        String body = body("byline-and-date-lines-before-story.html");
        assertThat(body).startsWith("Repairs to the harbour wall at Skerry Point finished three weeks early");
        assertThat(body).contains("reopens to small boats from Saturday morning.");
        assertThat(body).doesNotContain("Jane Moss", "4 March 2025", "Reading time", "@SkerryGazette");
    }

    @Test
    void shareLabelsTagsShareCountsAndTheAuthorBoxAroundTheStoryAreTrimmed() {
        String body = body("filing-and-share-lines-after-story.html");
        assertThat(body).startsWith("Forty years of logbooks kept by the keepers");
        assertThat(body).endsWith("a visitor who came out on the supply boat.");
        assertThat(body).doesNotContain("Whatsapp", "Tags:", "Print, PDF", "1484", "About the Author", "walks the coast");
    }

    @Test
    void aStoryThatNamesSocialNetworksKeepsThoseLines() {
        String body = ArticleExtractor.extract("<html><head><title>Where the club posts</title></head><body><article>"
                + "<h1>Where the club posts</h1><p>The rowing club now posts its race results in two places, and the "
                + "committee asked members which ones they actually read before the season starts.</p>"
                + "<p>X, Facebook</p><p>Most members said they would rather get an email, the secretary said.</p>"
                + "</article></body></html>", "https://news.example/story").body();
        assertThat(body).contains("X, Facebook");
    }

    @Test
    void edgeTrimmingNeverLeavesAPageWithTextEmpty() {
        String body = ArticleExtractor.extract("<html><head><title>Gallery: the regatta</title></head><body><article>"
                + "<h1>Gallery: the regatta</h1><p>Share, Email</p><p>Print, PDF</p>"
                + "</article></body></html>", "https://news.example/story").body();
        // every line is a share label, so the edge rules would leave nothing: the text is kept as it is
        assertThat(body).contains("Share, Email", "Print, PDF");
    }

    @Test
    void commentsWrittenAsBareNumberedBlocksAfterTheStoryAreDropped() {
        String body = body("numbered-comment-blocks.html");
        assertThat(body).contains("The island ferry will run four crossings a day",
                "the parish council has asked for a meeting with the operator");
        assertThat(body).doesNotContain("Four crossings, and the first at half past eight",
                "somehow the summer fares went up", "the school bus can wait", "Posted by: Kirsty");
    }

    @Test
    void shortPostOfLinksIsChosenOverAProfileBoxThatComesBeforeItsHeadline() {
        String body = body("profile-box-before-short-post.html");
        assertThat(body).contains("diary of storms", "rust from the inside", "What the tide tables got wrong in 1953",
                "brass band marches");
        assertThat(body).doesNotContain("Retired ferry engineer", "View my complete profile");
    }

    @Test
    void storyRenderedOncePerScreenSizeComesOutOnce() {
        String body = body("story-rendered-per-screen-size.html");
        assertThat(body).contains("A simple loft conversion with roof windows", "letting the rain in",
                "until the final invoice arrives");
        assertThat(body.split("A simple loft conversion with roof windows", -1)).hasSize(2);
        assertThat(body.split("until the final invoice arrives", -1)).hasSize(2);
    }

    @Test
    void aParagraphTheStoryRepeatsOnPurposeStays() {
        String body = ArticleExtractor.extract("""
                <html><body><div class="story">
                <p>The chorus came back after every verse, and the crowd knew it by the second time round, singing
                it louder than the band on the stage in front of them all evening long.</p>
                <p>Then the band played the second verse, slower, with only the piano and a single voice.</p>
                <p>The chorus came back after every verse, and the crowd knew it by the second time round, singing
                it louder than the band on the stage in front of them all evening long.</p>
                </div></body></html>""", "https://news.example/story").body();
        assertThat(body.split("The chorus came back after every verse", -1)).hasSize(3);
    }

    @Test
    void teasersInABlockMarkedNocontentAreDropped() {
        String body = body("teasers-marked-nocontent.html");
        assertThat(body).contains("Plenty of readers still have boxes of photos",
                "the next box of cards always turns up");
        assertThat(body).doesNotContain("More from the Gadgets desk", "Cold weather drains batteries",
                "By SAM PRICE", "Timetable apps that speak");
    }

    @Test
    void commentsAfterBareNumberedAnchorsAreDroppedToTheLastCommentsPostedLine() {
        String body = body("numbered-comment-anchors.html");
        assertThat(body).contains("Every spring someone asks whether the user group",
                "only works when it is held at an angle");
        assertThat(body).doesNotContain("We tried going online for a year", "The projector cable trick",
                "could we get biscuits", "Posted by: Glen");
    }

    @Test
    void commentsInsideHighlightedSourceCodeAreKeptAsCode() {
        String body = body("code-comments-in-highlighted-code.html");
        assertThat(body).contains("# stop at the first failing command", "set -e",
                "# the folder to copy and the disk to copy it to",
                "# mirror the folder, removing files deleted at the source", "rsync -a --delete",
                "A timer starts it at two in the morning");
        assertThat(body).doesNotContain("Pat wrote", "older copies");
    }

    @Test
    void storyBuiltOfPageBuilderWidgetsInsideTheArticleIsKeptWhole() {
        String body = body("story-built-of-builder-widgets.html");
        assertThat(body).contains("For a month we baked the same loaf", "Strong white flour",
                "Strong white flour rose highest", "Wholemeal and spelt", "Wholemeal gave a dense, nutty loaf",
                "Rye, last of the five");
        assertThat(body).doesNotContain("Sam Baker writes", "countertop oven", "All rights reserved");
    }

    @Test
    void textInBoxesThatOnlyClipTheirOverflowIsKept() {
        String body = body("text-in-overflow-hidden-boxes.html");
        assertThat(body).contains("Working adults who want to train", "Riverside runs its practical nursing course",
                "Hillcrest teaches anatomy online", "Lakeside offers the longest course");
        assertThat(body).doesNotContain("Sign in to save this comparison", "all rights reserved");
    }

    @Test
    void aMostReadListNamedWithAHyphenInsideTheArticleIsDropped() {
        String body = body("most-read-list-inside-article.html");
        assertThat(body).contains("raise its fares by ten percent", "A return ticket for a car",
                "The company last raised fares two years ago");
        assertThat(body).doesNotContain("Most read", "School board picks", "Storm knocks out power");
    }

    @Test
    void aSlideshowInsideTheStoryIsNotTheArticle() {
        String body = body("slideshow-inside-story.html");
        assertThat(body).contains("About forty swimmers met at the old slipway",
                "a towel waiting on the steps", "posts the week's times on its noticeboard");
        assertThat(body).doesNotContain("wade in from the slipway at dawn", "A lifeguard, in a kayak");
    }

    @Test
    void storyTextNamedBesideAnAdSlotNameIsKept() {
        String body = body("story-text-named-beside-ad-slot.html");
        assertThat(body).contains("The only shop in Little Marsden reopened on Monday",
                "leaving the village, which has no bus on Sundays", "up for sale");
    }

    @Test
    void postWrapperNamedAfterItsAuthorIsKeptWhenItsHeadingDiffersFromTheTitle() {
        String body = body("post-wrapper-named-after-author-dated-heading.html");
        assertThat(body).contains("A quick look at what happened in the harbour", "The fuel dock now takes cards",
                "write to the office with anything we missed");
        assertThat(body).doesNotContain("Books on the shelf", "Lighthouses, Ferries, and Fog");
    }

    @Test
    void sectionHeadingsInBuilderWidgetsOutsideTheArticleElementAreKept() {
        String body = body("headings-in-builder-widgets-outside-article.html");
        assertThat(body).contains("Bees learn where their hive stands", "Strap the hive the day before",
                "A ratchet strap around the boxes", "Move it a little at a time", "come straight home to the new spot");
        assertThat(body).doesNotContain("All rights reserved");
    }

    @Test
    void aDialogThatRepeatsTheHeadlineBelowTheStoryIsNotTakenIn() {
        String body = body("headline-repeated-in-republish-dialog.html");
        assertThat(body).contains("the council of Westbury voted to close the car park",
                "the council plans a second one by the station");
        assertThat(body).doesNotContain("Creative Commons", "Republish this story", "write to our editors");
    }

    @Test
    void aShortPostWhoseSentencesSayClickHereIsNotTrimmedAway() {
        String body = body("short-post-with-click-here-links.html");
        assertThat(body).contains("the new 40mm lens is in stock at Harbour Cameras",
                "on the shelves for a week now at Camera Corner");
    }

    @Test
    void aTableOfContentsLabelIsDroppedButTheListAndTheHeadingsStay() {
        String body = body("table-of-contents-label.html");
        assertThat(body).contains("runs on the goodwill of about two hundred volunteers", "Give every shift a lead",
                "they are the ones who lay the boards down");
        assertThat(body).doesNotContain("Table of Contents");
    }

    @Test
    void aGalleryOfOtherStoriesEmbeddedInTheDeclaredStoryIsNotTheArticle() {
        String body = body("gallery-inside-declared-story.html");
        assertThat(body).contains("laundry costs have doubled in two years", "fresh towels are still there",
                "staff who are paid to talk to the guests");
        assertThat(body).doesNotContain("The crane of Northby", "two cousins from the coast");
    }

    @Test
    void aBusinesssPitchForDemosAndQuotesAfterThePostIsTrimmed() {
        String body = body("business-pitch-after-post.html");
        assertThat(body).startsWith("Cold mornings flatten batteries")
                .endsWith("keep a scraper, a blanket and a torch in every cab.");
    }

    @Test
    void aRowOfToolsWithDotsBetweenIsDroppedButASentenceWithDotsStays() {
        String body = body("row-of-tools-after-story.html");
        assertThat(body).startsWith("The desktop project announced today")
                .contains("Install the desktop packages.", "Mail · Editor · Calendar are the apps");
        assertThat(body).doesNotContain("115 hits", "Print article", "Send to friend");
    }

    @Test
    void anIconFontsGlyphNameIsNotText() {
        String body = body("icon-font-glyphs-in-story.html");
        assertThat(body).contains("before anyone asks to see a cut Editing guide", "ask for a second date in case of rain");
        assertThat(body).doesNotContain("chevron_right");
    }

    @Test
    void builderWidgetsInsideABlockNamedAsTheStorysTextAreTheStory() {
        String body = body("builder-widgets-in-story-text-block.html");
        assertThat(body).contains("Every phone in the house sends out a short radio signal",
                "so a short cable to a wall plug is the tidiest way to run it.",
                "where nobody knocks it off.", "the rest sets itself up within a minute.");
        assertThat(body).doesNotContain("posted the same day from our workshop", "I build small gadgets");
    }

    @Test
    void aCardWrappedWholeInALinkInsideTheStoryIsNotStoryText() {
        String body = body("card-wrapped-in-a-link-inside-story.html");
        assertThat(body).contains("The kitchen is the hardest room to pack", "fill the gaps so nothing moves",
                "Pack plates on their edges", "it is the first thing you open.");
        assertThat(body).doesNotContain("Free kitchen packing checklist", "ready to print and tick off", "Download");
    }

    @Test
    void aBuilderPostWithOneWidgetPerParagraphIsNotLostToAShortBoxInsideIt() {
        String body = body("builder-post-of-one-widget-per-paragraph.html");
        assertThat(body).contains("Thinking about night shifts? Working nights suits some people",
                "the extra pay adds up quickly over a year.", "missed dinners and missed school plays.",
                "the best-paid and calmest part of the job.");
        assertThat(body).doesNotContain("Career Nights Ltd", "company number");
    }

    @Test
    void aSectionHeadingNamedAfterItsOwnTextIsKeptThoughItsIdHoldsALooseWord() {
        String body = body("headings-named-after-their-own-text.html");
        assertThat(body).contains("Most community gardens lose half their volunteers", "More than weeding",
                "What's next?", "before the last meeting of the year.");
    }

    @Test
    void aCallToActionBoxWithALinkDrawnAsAButtonIsNotStoryText() {
        String body = body("call-to-action-box-with-a-button-link.html");
        assertThat(body).startsWith("A heavy squat asks a lot of cold hips and knees")
                .contains("broken a light sweat across your back", "Then work up to your first set")
                .endsWith("just because it felt good.");
        assertThat(body).doesNotContain("Plan your sessions with Liftbook", "free for thirty days", "Get Started");
    }

    @Test
    void captionToggleAndAudioPlayerLabelsAreNotText() {
        String body = body("caption-toggle-and-audio-player-labels.html");
        assertThat(body).startsWith("The river festival returns this weekend")
                .contains("Forty boats will sail from the old bridge")
                .endsWith("until the last boat is moored on Sunday.");
        assertThat(body).doesNotContain("Show Caption", "Listen to this article");
    }

    @Test
    void aFeedbackFormWrittenWithoutAFormElementIsNotStoryText() {
        String body = body("feedback-form-under-post.html");
        assertThat(body).startsWith("On an open headland the wind decides whether you sleep")
                .contains("Low domes and tunnels pitched tail to the wind")
                .contains("even when the forecast promises a calm night.")
                .endsWith("testing six tents on the same exposed headland.");
        assertThat(body).doesNotContain("We are sorry that this post", "Let us improve this post",
                "Tell us how we can improve");
    }

    @Test
    void aPromotionBuiltOfSeparateBlocksBetweenTwoRulesIsNotStoryText() {
        String body = body("promotion-between-rules-in-separate-blocks.html");
        assertThat(body).startsWith("Storing a terabyte of files costs roughly the same")
                .contains("so archives belong there and working data does not.", "Reading data back out")
                .endsWith("within one region it is usually free.");
        assertThat(body).doesNotContain("Get the Storage Cost Cheat Sheet", "Every price on one page", "Get the Goods");
    }

    @Test
    void anAuthorsPhotoAndABioStartingWithTheNameOnItAreNotStoryTextAtTheEnd() {
        String body = body("author-photo-and-bio-closing-post.html");
        assertThat(body).startsWith("A strange room keeps half the brain awake")
                .contains("check that the curtains close fully")
                .endsWith("set the thermostat a little cooler than feels right.");
        assertThat(body).doesNotContain("freelance travel writer", "Maren Holt");
    }

    @Test
    void aNoteInItalicsLinkingToASignUpPageIsNotStoryText() {
        String body = body("sign-up-note-in-italics-inside-story.html");
        assertThat(body).startsWith("Winter weekends are made for a sofa and a good thriller")
                .contains("finds a stranger's note in a deposit box", "shot almost entirely by the light of car headlamps")
                .endsWith("nobody involved takes quite seriously enough.");
        assertThat(body).doesNotContain("Love films?", "Screen Picks letter", "Sign up now");
    }
}
