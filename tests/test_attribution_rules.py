"""Rules of the attribution stages that the golden cases do not pin one by one: the default
kinds by genre, the narrator's name, relatives, confidence and reasons."""

from __future__ import annotations

import quoteattr
from quoteattr.speakers import is_news

LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
REPORTED = "Anna Keller said the budget would be balanced by the end of next year."


def _story(*paragraphs: str) -> str:
    """A text of the given paragraphs."""
    return "\n\n".join(paragraphs)


def _speaker_names(text: str) -> list[str | None]:
    """The speaker's name of each quote ``extract`` finds in ``text`` by default, or None."""
    return [q.speaker.name if q.speaker else None for q in quoteattr.extract(text)]


def test_news_gets_reported_speech_by_default_and_fiction_does_not():
    """With kinds=None, a text dense in digits (news) gets indirect quotations, one without
    digits (fiction) only direct ones; an explicit ``kinds`` overrides the choice."""
    news = "BERLIN, 12 May 2024 (09:30). " + REPORTED
    assert is_news(news) and not is_news(REPORTED)
    assert [q.kind for q in quoteattr.extract(news)] == ["indirect"]
    assert quoteattr.extract(REPORTED) == []
    assert [q.kind for q in quoteattr.extract(REPORTED, kinds=("indirect",))] == ["indirect"]
    assert quoteattr.extract(news, kinds=("direct",)) == []


def test_thoughts_are_not_reported_speech():
    """Verbs of belief take clauses too, but what someone thinks is not what they said."""
    text = "Anna Keller thinks the budget will be balanced by the end of next year."
    assert quoteattr.extract(text, kinds=("indirect", "mixed")) == []


def test_a_first_person_narrator_takes_the_name_others_call_them():
    """Quotes the narrator speaks ("I said") are given the name the others address them by
    (three times here: a name said once or twice could be anyone's)."""
    text = (
        f"{LDQ}Where were you last night, Hastings?{RDQ} asked Poirot.\n\n"
        f"{LDQ}At the inn,{RDQ} I said.\n\n"
        f"{LDQ}Alone, Hastings?{RDQ} said Poirot.\n\n"
        f"{LDQ}Quite alone,{RDQ} I said.\n\n"
        f"{LDQ}Then think, Hastings, who saw you there?{RDQ} asked Poirot.\n\n"
        f"{LDQ}Nobody at all,{RDQ} I said."
    )
    quotes = quoteattr.extract(text)
    mine = [q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "I"]
    assert len(mine) == 3
    assert {q.speaker.name for q in mine} == {"Hastings"}
    assert "narrator" in mine[0].speaker.aliases


def test_his_wife_is_the_woman_with_his_family_name():
    """ "said his wife" after Mr. Bennet spoke names Mrs. Bennet, even before she is named."""
    text = f"{LDQ}I have no objection,{RDQ} said Mr. Bennet.\n\n{LDQ}You never have,{RDQ} said his wife."
    quotes = quoteattr.extract(text)
    assert [q.speaker.name for q in quotes] == ["Mr. Bennet", "Mrs. Bennet"]
    assert quotes[1].speaker_mention.text == "his wife"


def test_a_named_cue_is_surer_than_the_turn_of_a_conversation():
    """Confidence orders the rules: a name in the cue above a turn of the conversation."""
    text = _story(
        f"{LDQ}Are you coming?{RDQ} asked Jane.",
        f"{LDQ}Not yet,{RDQ} said Tom.",
        f"{LDQ}Then I shall go alone.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert [q.speaker.name for q in quotes] == ["Jane", "Tom", "Jane"]
    assert quotes[2].rule == "turn-taking"
    assert quotes[0].confidence > quotes[2].confidence > 0


def test_no_speaker_comes_with_a_reason_and_a_speaker_without_one():
    """A quote nobody can be credited with says why; one with a speaker has no reason."""
    lonely, named = quoteattr.extract(f"{LDQ}Who is there?{RDQ}\n\nThe house was dark.\n\n{LDQ}Me,{RDQ} said Ann.")
    assert lonely.speaker is None and lonely.reason and lonely.confidence == 0.0
    assert named.speaker is not None and named.reason is None


def test_the_narrator_who_speaks_answers_in_a_new_conversation():
    """In a story whose narrator speaks ("I said"), a cue-less answer to someone alone in a
    conversation, with no one else known to have spoken, is the narrator's."""
    text = (
        "I walked out into the town.\n\n"
        f"{LDQ}Are you lost?{RDQ} asked Ann.\n\n"
        f"{LDQ}A little.{RDQ}\n\n"
        "The train was late. I waited on the platform for an hour.\n\n"
        f"{LDQ}Is this the train to York?{RDQ} I said to the porter.\n\n"
        "He did not answer.\n\n"
        f"{LDQ}Is it?{RDQ} I said again."
    )
    quotes = quoteattr.extract(text)
    assert quotes[0].speaker.name == "Ann"
    assert quotes[1].rule == "turn-taking" and quotes[1].speaker.id == "narrator"


def test_a_cue_of_its_own_is_not_overruled_by_the_conversation():
    """ "…,” it added." names no one the text knows as a person, but it is this quote's cue:
    the quote keeps that mention (with no speaker) instead of taking the previous speaker."""
    text = (
        f"WASHINGTON, May 3, 2024. {LDQ}We will vote on Monday,{RDQ} said Anna Keller.\n\n"
        f"{LDQ}The committee has made up its mind,{RDQ} it added."
    )
    first, second = quoteattr.extract(text, kinds=("direct",))
    assert first.speaker.name == "Anna Keller"
    assert second.speaker_mention.text == "it" and second.cue.text == "added"
    assert second.speaker is None and second.reason


def test_news_words_make_news_without_digits():
    """A report with no digits is still news by its words (officials, weekdays, percent)."""
    text = (
        "Officials said on Tuesday that the campaign had raised more money than expected, "
        "according to a statement from the president's spokesman. Anna Keller said the "
        "government would answer on Wednesday."
    )
    assert is_news(text)
    assert "indirect" in [q.kind for q in quoteattr.extract(text)]


def test_a_character_called_sunday_does_not_make_a_novel_news():
    """Each news word counts a few times at most: a novel whose President is called Sunday
    says "Sunday" and "the President" on every page, and is still fiction."""
    page = (
        f"{LDQ}You are late,{RDQ} said Sunday, and he laughed. The President looked at him.\n\n"
        f"{LDQ}I know it,{RDQ} she said. {LDQ}I came as fast as I could.{RDQ}\n\n"
        "He turned to the window and she followed him with her eyes.\n\n"
    )
    assert not is_news(page * 40)


def test_a_sentence_ending_in_a_colon_introduces_the_quote_after_it():
    """ "The Old Man introduced him with a quirk of the lips:" — no reporting verb, but the
    colon at the end of the paragraph hands the next quote to the sentence's subject."""
    text = (
        "The Old Man introduced him with a quirk of the lips:\n\n"
        f"{LDQ}This is Mr. Rapponi, boys. Make him welcome.{RDQ}"
    )
    (quote,) = quoteattr.extract(text)
    assert quote.speaker is not None and quote.speaker.name == "The Old Man"
    assert quote.rule == "X:"


def test_a_relative_addressed_as_uncle_answers():
    """ "Surely, uncle, …" addresses the person the text calls Uncle, who answers next."""
    text = (
        "Uncle Tom put down his paper and looked at Florence.\n\n"
        f"{LDQ}Surely, uncle, you cannot mean it,{RDQ} said Florence.\n\n"
        f"{LDQ}I do, my child.{RDQ}"
    )
    quotes = quoteattr.extract(text)
    assert quotes[0].speaker.name == "Florence"
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Tom"


def test_in_fiction_a_bare_family_name_is_the_man_of_that_name():
    """A story calls its men by their family name and its women "Mrs. Archer" or by their
    given name, so "said Archer" is Newland Archer even when his mother spoke last; news,
    where women are called by their family name too, keeps the latest person."""
    story = _story(
        f"{LDQ}We dine at eight,{RDQ} said Newland Archer.",
        f"{LDQ}Then do not be late,{RDQ} said Mrs. Archer.",
        f"{LDQ}I never am,{RDQ} said Archer.",
    )
    quotes = quoteattr.extract(story)
    assert [q.speaker.name for q in quotes] == ["Newland Archer", "Mrs. Archer", "Newland Archer"]
    news = (
        "LONDON, 3 March 2019 (Reuters). Theresa May met her husband Philip May at 10:00.\n\n"
        f"{LDQ}We will leave on time,{RDQ} said Theresa May on 3 March.\n\n"
        f"{LDQ}The deal is done,{RDQ} May said."
    )
    assert quoteattr.extract(news, kinds=("direct",))[-1].speaker.name == "Theresa May"


def test_a_name_and_title_seen_before_go_to_the_one_called_so():
    """ "Mr. Emerson" is the man called Mr. Emerson before, not his son George (Emerson) who
    spoke last."""
    text = (
        f"{LDQ}Sit down,{RDQ} said Mr. Emerson.\n\n"
        f"{LDQ}I would rather stand,{RDQ} said George.\n\n"
        f"{LDQ}Thank you,{RDQ} said George Emerson.\n\n"
        f"{LDQ}As you like,{RDQ} said Mr. Emerson."
    )
    quotes = quoteattr.extract(text)
    assert quotes[3].speaker.name == "Mr. Emerson"
    assert quotes[0].speaker.id == quotes[3].speaker.id != quotes[2].speaker.id == quotes[1].speaker.id


def test_a_role_of_somewhere_is_no_name_and_a_conjunction_ends_an_appositive():
    """ "THE KING AND QUEEN OF HEARTS" names nobody "Hearts", so the King and the Queen stay two
    people; "said the King, and the Hatter left" does not make the Hatter king."""
    text = (
        "Last of all came THE KING AND QUEEN OF HEARTS.\n\n"
        f"{LDQ}Who is this?{RDQ} said the Queen.\n\n"
        f"{LDQ}You may go,{RDQ} said the King, and the Hatter left the court.\n\n"
        f"{LDQ}I'm a poor man,{RDQ} said the Hatter.\n\n"
        f"{LDQ}Then stand down,{RDQ} said the King."
    )
    quotes = quoteattr.extract(text)
    assert [q.speaker.name.lower() for q in quotes] == ["the queen", "the king", "the hatter", "the king"]
    assert len({quotes[0].speaker.id, quotes[1].speaker.id, quotes[2].speaker.id}) == 3


def test_a_titled_role_in_the_narration_is_the_one_who_holds_it():
    """ "The Queen had only one way ..." keeps the Queen in mind, so the "she" of the next cue
    is the Queen, not Alice, named before her."""
    text = (
        f"{LDQ}Who is this?{RDQ} said the Queen.\n\n"
        f"{LDQ}My name is Alice,{RDQ} said Alice.\n\n"
        "Alice looked at the cat. The Queen had only one way of settling all difficulties. "
        f"{LDQ}Off with his head!{RDQ} she said."
    )
    quotes = quoteattr.extract(text)
    assert quotes[2].speaker_mention.text == "she"
    assert quotes[2].speaker.id == quotes[0].speaker.id


def test_a_full_stop_after_a_whole_title_ends_the_sentence():
    """ "Gen. Shoigu" is a title and a name; "the Secretary. He" is two sentences, and
    "The Secretary, ever since Syme's speech," does not make Syme the Secretary."""
    from quoteattr.annotation import scan_mentions

    def names(s: str) -> list[tuple[str, str | None]]:
        return [(s[r.name_start : r.end], r.title) for r in scan_mentions(s, 0, len(s)) if r.kind == "name"]

    assert names("said Gen. Shoigu") == [("Shoigu", "gen")]
    assert names("the nerves of the Secretary. He was") == [("Secretary", None)]
    text = (
        f"{LDQ}You are wrong,{RDQ} said the Secretary.\n\n"
        f"{LDQ}I am right,{RDQ} said Syme.\n\n"
        "The Secretary, ever since Syme's speech, had stood with his hand to his head.\n\n"
        f"{LDQ}Enough,{RDQ} said the Secretary."
    )
    quotes = quoteattr.extract(text)
    assert quotes[2].speaker.id == quotes[0].speaker.id != quotes[1].speaker.id


def test_a_name_that_is_also_a_verb_after_said():
    """ "said Marvel", "said Grant": after a reporting verb a capitalised word is the speaker's
    name even when the word is a verb too (marvel, grant)."""
    text = f"{LDQ}Quite enough,{RDQ} said Marvel.\n\n{LDQ}Fine,{RDQ} said Grant."
    assert [q.speaker.name for q in quoteattr.extract(text)] == ["Marvel", "Grant"]


def test_a_conversation_is_read_backwards_from_its_first_named_turns():
    """The opening line of an exchange has no cue: the one who answers it is Tom, so it is
    the other person of the conversation, Ann, named further on."""
    text = _story(
        "They sat by the fire.",
        f"{LDQ}Are you cold?{RDQ}",
        f"{LDQ}Not at all,{RDQ} said Tom.",
        f"{LDQ}Then shall we walk?{RDQ}",
        f"{LDQ}Gladly,{RDQ} Ann said, {LDQ}if you are not cold.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ann"
    assert quotes[0].rule == "turn-taking"


def test_an_opening_phrase_before_an_interrupting_cue_is_not_reported():
    """ "During her years in office, X said, the city built …": the opening phrase sets the
    scene; only the clause after the cue is what was said."""
    text = "During her years in office, Mayor Delgado said, the city built forty schools."
    quotes = quoteattr.extract(text, kinds=("direct", "mixed", "indirect"))
    assert [q.text for q in quotes] == ["the city built forty schools"]


def test_a_capitalised_verb_inside_a_name_is_not_a_cue():
    """ "…, said David Gorski, a professor at the Wayne State University": "State" is part of
    a name, so the quote stays a direct quote of Gorski's, not content of a report."""
    text = (
        "Doctors spoke about him. \"He has a huge pulpit,\N{RIGHT DOUBLE QUOTATION MARK} said David Gorski, "
        "a professor of surgery at the Wayne State University School of Medicine."
    )
    quotes = quoteattr.extract(text, kinds=("direct", "mixed", "indirect"))
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == [("direct", "David Gorski")]


def test_the_one_addressed_answers_even_when_the_speaker_is_unknown():
    """A line that names its addressee ("Mr. Bennet, …") is answered by him, whoever said it:
    the next uncued line is Mr. Bennet's."""
    text = _story(
        "Mr. Bennet and Mrs. Bennet sat in the library with Elizabeth.",
        f"{LDQ}I am going out,{RDQ} said Elizabeth.",
        f"{LDQ}Mr. Bennet, how can you let her go out in such weather?{RDQ}",
        f"{LDQ}You mistake me, my dear. I have a high respect for your nerves.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert quotes[2].speaker is not None and quotes[2].speaker.name == "Mr. Bennet"


def test_an_addressee_named_in_the_second_quote_of_a_paragraph_answers():
    """ "…," said Ann, "and you, Tom, …" — Tom answers the next line."""
    text = _story(
        "Ann and Tom and Jim stood at the gate.",
        f"{LDQ}It is late,{RDQ} said Ann, {LDQ}and you, Tom, must walk me home.{RDQ}",
        f"{LDQ}With pleasure, if the rain stops.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Tom"


def test_a_degree_word_before_the_adverb_of_a_cue():
    """ "she very innocently said, “…”": "very" stands between the speaker and the verb."""
    text = _story(
        "Kitty and Jane sat by the window.",
        f"At last Kitty looked up, and she very innocently said, {LDQ}What is the matter?{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Kitty"
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text == "she"
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"


def test_an_undecided_line_goes_to_the_recent_other_speaker_as_a_guess():
    """No rule decides the last line (a narration paragraph broke the exchange): as a last
    resort it goes to the latest speaker who is not the one before it, with a low confidence."""
    text = _story(
        f"{LDQ}Good morning,{RDQ} said Tom.",
        f"{LDQ}It is cold,{RDQ} said Ann.",
        "The road ran on past the mill and the old bridge, and the wind rose over the fields.",
        f"{LDQ}Then let us go back.{RDQ}",
        "The first drops of rain fell on the dust of the road.",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Tom"
    assert last.rule == "recent other speaker"
    assert last.confidence < 0.5


def test_news_narration_that_runs_into_a_quote_is_its_subjects():
    """In news, a sentence that quotes without a reporting verb ("issued a statement saying
    that the plan was “…”") reports its subject's words, not the previous speaker's."""
    text = _story(
        "BERLIN, 12 May 2024. The budget talks ended on Monday.",
        f"{LDQ}We will not sign this,{RDQ} said Anna Keller, the finance minister.",
        f"On Tuesday, Mayor Tom Brandt issued a statement saying the deal was {LDQ}a gift to the banks and a blow to every town in the country.{RDQ}",
    )
    quotes = quoteattr.extract(text, kinds=("direct",))
    assert [q.speaker.name for q in quotes] == ["Anna Keller", "Tom Brandt"]
    assert quotes[1].rule == "sentence subject"
    assert quotes[1].cue.text == "issued"
    assert 0.5 < quotes[1].confidence < quotes[0].confidence


def test_news_narration_subject_across_an_insertion_and_before_a_colon():
    """The subject is read past an insertion between commas and a time, and a sentence that
    ends in a colon or a dash before the quote is read the same way."""
    text = _story(
        "BERLIN, 12 May 2024. The budget talks ended on Monday.",
        f"{LDQ}We will not sign this,{RDQ} said Anna Keller, the finance minister.",
        f"Tom Brandt, the mayor of Celle, later Tuesday told the local radio: {LDQ}This deal is a gift to the banks and a blow to every town.{RDQ}",
        f"The statement went on to say, {LDQ}Every member will hear from us by Friday.{RDQ}",
    )
    quotes = quoteattr.extract(text, kinds=("direct",))
    assert [q.speaker.name for q in quotes] == ["Anna Keller", "Tom Brandt", "The statement"]
    assert [q.cue.text for q in quotes[1:]] == ["told", "went"]


def test_a_relative_pronoun_is_the_mention_of_a_report_it_is_the_subject_of():
    """ "Cruz, who has called the plan a fraud": the report's subject in the text is "who",
    resolved to Cruz (as a "he" would be); the mention still slices out of the text."""
    text = "The debate ended late. Few echoed the tone of Cruz, who has called the plan an obvious fraud."
    [quote] = quoteattr.extract(text, kinds=("indirect", "mixed"))
    assert quote.text == "the plan an obvious fraud"
    assert quote.speaker.name == "Cruz"
    m = quote.speaker_mention
    assert (m.text, m.kind) == ("who", "pronoun")
    assert text[m.start : m.end] == "who"


def test_a_capitalised_verb_inside_a_name_is_no_cue_before_a_quote():
    """ "calling on the United States “…”": "States" is part of a name, not "states"."""
    text = _story(
        "BERLIN, 12 May 2024. The talks ended on Monday.",
        f"Hours later, Anna Keller issued a statement calling on the United States {LDQ}to return to the table at once.{RDQ}",
    )
    [quote] = quoteattr.extract(text, kinds=("direct",))
    assert quote.speaker.name == "Anna Keller"
    assert quote.speaker_mention.text != "United"


def test_a_phrase_with_a_modal_is_no_speaker_of_a_cue_before_a_quote():
    """ "To believe the government must ensure states are …, “…,” he said": "the government
    must ensure" is a clause, not a speaker for "states"; the cue after the quote decides."""
    text = _story(
        "BERLIN, 12 May 2024. Tom Brandt spoke to the council on Monday.",
        f"To believe the government must ensure states are run well, {LDQ}you have to take a cynical view of them,{RDQ} he said.",
    )
    [quote] = quoteattr.extract(text, kinds=("direct",))
    assert quote.speaker_mention.text == "he"
    assert quote.speaker.name == "Tom Brandt"


def test_the_young_man_of_a_cue_is_the_man_in_the_scene():
    """ "cried the young man": a plain word for a man names the man already in the scene, as
    "he" would, not a new person called "the young man"."""
    text = _story(
        "Tom sat by the fire while Mrs. Welland talked.",
        f"{LDQ}You must help us,{RDQ} said Mrs. Welland.",
        f"{LDQ}I would rather see her dead!{RDQ} cried the young man.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Tom"
    assert quotes[-1].speaker_mention is not None and quotes[-1].speaker_mention.text == "the young man"


def test_a_name_mostly_written_bare_is_shown_without_its_title():
    """A character the text calls "Archer" and only once "Mr. Archer" goes by "Archer"; one
    always written "Mrs. Welland" keeps her title."""
    text = _story(
        "Mr. Archer came in. Archer looked at Mrs. Welland, and Archer bowed.",
        f"{LDQ}Good evening,{RDQ} said Archer.",
        f"{LDQ}You are late,{RDQ} said Mrs. Welland.",
    )
    quotes = quoteattr.extract(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Archer", "Mrs. Welland"]


def test_the_other_one_of_a_conversation_is_named_in_the_narration_before_it():
    """A conversation after a narration paragraph: its first uncued answer is by the person that
    narration named (Ann), not by someone of an earlier conversation (Jim)."""
    text = _story(
        f"{LDQ}Hello,{RDQ} said Jim.",
        f"{LDQ}Goodbye,{RDQ} said Tom.",
        "Tom walked home through the rain. Ann was waiting for him at the door.",
        f"{LDQ}I am wet through,{RDQ} said Tom.",
        f"{LDQ}Then come in and get dry.{RDQ}",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Ann"
    assert last.rule == "turn-taking"


def test_a_pronoun_that_answers_is_the_one_addressed_not_the_one_who_spoke():
    """ "“…, Tom?” said Hallward.\\n\\n“…,” he answered." — the latest man is Hallward, but he
    does not answer himself: "he" is Tom, whom he addressed."""
    text = _story(
        "Tom and Hallward sat in the studio.",
        f"{LDQ}What do you think of it, Tom?{RDQ} said Hallward.",
        f"{LDQ}I think nothing at all,{RDQ} he answered.",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Tom"
    assert last.speaker_mention is not None and last.speaker_mention.text == "he"


def test_a_pronoun_answers_the_addressee_of_a_paragraph_whose_cue_is_on_its_first_quote():
    """ "“Well, Dr. Bauerstein, …,” said Tom. “Have some coffee.”\n\n“…” He laughed." — the
    paragraph before is Tom's though its last quote has no cue of its own, and the doctor he
    addressed answers, though nothing has told his sex yet."""
    text = _story(
        "Tom came in with Dr. Bauerstein.",
        f"{LDQ}Well, Bauerstein, you are in a plight,{RDQ} said Tom. {LDQ}Have some coffee.{RDQ}",
        f"{LDQ}Thank you, I will.{RDQ} He laughed rather ruefully.",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Dr. Bauerstein"


def test_a_month_after_a_preposition_or_an_article_is_no_one_a_pronoun_can_mean():
    """ "the blue vault of June", "a May morning": months that are given names too are no one
    there; the woman named before them speaks."""
    for month in ("the blue vault of June", "a May morning", "the rain of early April"):
        text = _story(f"A letter from Mary came under {month}.", f"{LDQ}It is late,{RDQ} she said.")
        quotes = quoteattr.extract(text)
        assert quotes[0].speaker is not None and quotes[0].speaker.name == "Mary", month


def test_the_other_of_a_cue_is_the_one_who_did_not_speak_the_line_before():
    """ "replied the other": of the two in the conversation, the one who did not just speak."""
    text = _story(
        f"{LDQ}You are early,{RDQ} said Syme.",
        f"{LDQ}I am always early,{RDQ} said Gregory.",
        f"{LDQ}Not always,{RDQ} replied the other. {LDQ}Not on Sundays.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert [q.speaker.name if q.speaker else None for q in quotes[-2:]] == ["Syme", "Syme"]
    assert quotes[-2].speaker_mention is not None and quotes[-2].speaker_mention.text == "the other"


def test_her_father_of_a_daughter_known_by_her_given_name_is_the_mr_of_the_scene():
    """ "said her father" when the daughter is only ever "Elizabeth": no family name links them,
    and the father is the man titled Mr. in the scene."""
    text = _story(
        "Mr. Bennet was reading by the fire when Elizabeth came in.",
        f"{LDQ}Is there a letter for me?{RDQ} asked Elizabeth.",
        f"{LDQ}None at all,{RDQ} said her father.",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Mr. Bennet"
    assert last.speaker_mention is not None and last.speaker_mention.text == "her father"


def test_turn_taking_passes_over_a_candidate_the_line_addresses():
    """The speaker two lines back (Tom) is addressed by this line, so is not its speaker: the
    next candidate, the third person of the scene, speaks instead of no one."""
    text = _story(
        "Tom, Ann and Jim sat by the fire.",
        f"{LDQ}It is cold,{RDQ} said Tom.",
        f"{LDQ}It is winter,{RDQ} said Ann.",
        f"{LDQ}Tom, you should have brought more wood.{RDQ}",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Jim"
    assert last.rule == "turn-taking"


def test_her_companion_of_a_cue_is_the_other_one_of_the_conversation():
    """ "said her companion", "his visitor", "his friend": like "the other", the one of the two
    who did not speak the line before."""
    text = _story(
        f"{LDQ}Shall we walk?{RDQ} said Emma.",
        f"{LDQ}Gladly,{RDQ} said Harriet.",
        f"{LDQ}Then take my arm,{RDQ} said her companion.",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Emma"


def test_the_rest_of_a_paragraph_keeps_its_unresolved_pronoun():
    """ "“…,” she declared. “…”" where no woman has been named: the second quote is hers too —
    no one known — not a guess among the men who spoke before."""
    text = _story(
        f"{LDQ}Where are you from?{RDQ} asked Tom.",
        f"{LDQ}Georgia,{RDQ} said Jim.",
        f"{LDQ}Then it is far,{RDQ} she declared. {LDQ}I know the road.{RDQ}",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is None
    assert last.speaker_mention is not None and last.speaker_mention.text == "she"
    assert last.rule == "same paragraph"


def test_a_conversation_opened_by_an_uncued_line_before_a_known_speaker():
    """The opening line has no cue and the answer is Tom's: the opening line is by the other
    person the narration before named (Ann), not by Tom, the narration's subject."""
    text = _story(
        "Tom walked home through the rain. Ann was waiting at the door.",
        f"{LDQ}You are late again.{RDQ}",
        f"{LDQ}I was kept at the mill,{RDQ} said Tom.",
    )
    first = quoteattr.extract(text)[0]
    assert first.speaker is not None and first.speaker.name == "Ann"
    assert first.rule == "turn-taking"


def test_a_titled_vocative_is_not_a_person_of_the_other_sex_with_that_name():
    """ "My dear Mr. Bennet" addresses Mr. Bennet, not Elizabeth Bennet (named later, untitled),
    and he answers."""
    text = _story(
        "Mr. Bennet sat by the fire with Elizabeth Bennet.",
        f"{LDQ}My dear Mr. Bennet,{RDQ} said Mrs. Bennet, {LDQ}you must visit him.{RDQ}",
        f"{LDQ}Is that his design in settling here?{RDQ}",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Mr. Bennet"


def test_a_narrated_answer_hands_the_next_line_back_to_the_one_who_asked():
    """ "Mr. Bennet replied that he had not." tells his answer: the uncued line after it is
    the one who asked, going on (and not Mr. Bennet, the subject of the narration)."""
    text = _story(
        f"{LDQ}Have you heard that Netherfield Park is let at last?{RDQ} said Mrs. Bennet.",
        "Mr. Bennet replied that he had not.",
        f"{LDQ}But it is, for Mrs. Long has just been here, and she told me all about it.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Mrs. Bennet"


def test_a_quote_after_narration_is_spoken_by_the_subject_of_its_last_sentence():
    """ "Mary sat down by the fire. Tom looked up from his book.\n\n“You are late.”" — the one
    the narration ends with speaks, not the first it named."""
    text = _story(
        "Mary came into the room and sat down by the fire. Tom looked up from his book.",
        f"{LDQ}You are late.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Tom"
    assert quotes[0].rule == "after narration"


def test_the_other_one_of_a_conversation_is_a_subject_of_the_narration_before_it():
    """ "Tom came into the room where Mary sat with Ann." — Mary speaks first; the one who
    answers is the subject the narration was about, not the person it named last."""
    text = _story(
        "Tom came into the room where Mary sat with Ann.",
        f"{LDQ}Good morning,{RDQ} said Mary.",
        f"{LDQ}Good morning. Is there any news?{RDQ}",
        f"{LDQ}None at all.{RDQ}",
    )
    names = _speaker_names(text)
    assert names == ["Mary", "Tom", "Mary"]


def test_a_line_that_calls_its_hearer_sir_was_answering_a_man():
    """ "“It is, sir.”": the line before it was a man's, though the woman named last in the
    narration would have been the other one of the conversation."""
    text = _story(
        "John and Ann came to the inn, where Mary was waiting.",
        f"{LDQ}Good evening,{RDQ} said Mary.",
        f"{LDQ}Good evening. What a cold night!{RDQ}",
        f"{LDQ}It is, sir. Will you have some tea?{RDQ}",
        f"{LDQ}I will, thank you.{RDQ}",
    )
    names = _speaker_names(text)
    assert names == ["Mary", "John", "Mary", "John"]


def test_a_name_addressed_before_a_dash_is_not_the_speaker():
    """ "“Oh, Cecil--how you made me jump!”": Cecil is spoken to (a dash ends the vocative as a
    comma would), so the narration's other person speaks."""
    for dash in ("--", "\N{EM DASH}"):
        text = _story(
            "Lucy sat in the garden. Cecil closed the novel with a bang.",
            f"{LDQ}Oh, Cecil{dash}how you made me jump!{RDQ}",
        )
        quotes = quoteattr.extract(text)
        assert quotes[0].speaker is not None and quotes[0].speaker.name == "Lucy", dash


def test_a_line_is_spoken_by_the_one_the_next_line_addresses():
    """ "“Here it is.” / “Thank you, Ann.”": the one thanked by name spoke the line before,
    not the person the narration named last."""
    text = _story(
        "Tom, Ann and Mary sat at breakfast.",
        f"{LDQ}Pass the salt,{RDQ} said Tom.",
        f"{LDQ}Here it is.{RDQ}",
        f"{LDQ}Thank you, Ann.{RDQ}",
    )
    names = _speaker_names(text)
    assert names == ["Tom", "Ann", "Tom"]


def test_narration_ending_in_a_comma_introduces_its_last_subject():
    """A narration paragraph that ends with a comma introduces the quote after it: its last
    subject speaks ("…; but Mr. Collins … laid aside his book, and said,"), not its first."""
    text = _story(
        f"{LDQ}I am sure we shall have a ball,{RDQ} said Lydia.",
        "Lydia was bid by her sisters to hold her tongue; but Mr. Collins, much offended, laid aside his book, and said,",
        f"{LDQ}I have often observed how little young ladies are interested by books.{RDQ}",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Mr. Collins"


def test_a_book_with_chapter_headings_is_not_news():
    """Dates and weekdays in a novel's letters or family records do not make it news when it
    has chapter headings: its narration is not returned as reported speech by default."""
    body = (
        "Walter Elliot, born March 1, 1760, married, July 15, 1784; Elizabeth, born June 1, 1785; "
        "Anne, born August 9, 1787; a still-born son, November 5, 1789. He considered the blessing "
        "of beauty as inferior only to the blessing of a baronetcy, his agent said on Monday."
    )
    assert is_news(body)
    book = "CHAPTER 1\n\n" + body
    assert not is_news(book)
    assert quoteattr.extract(book) == []


def test_an_epithet_may_stand_between_the_reporting_verb_and_the_name():
    """ "added little Amy", "said old Cotter": the word before the name is an epithet, and the
    name after it speaks (not the last speaker of the conversation)."""
    text = _story(
        f"{LDQ}It's so dreadful to be poor!{RDQ} sighed Meg.",
        f"{LDQ}I don't think it's fair for some girls to have plenty of pretty things,{RDQ} added little Amy.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Amy"
    assert quotes[-1].speaker_mention.text == "little Amy"


def test_the_one_heard_speaks_not_the_one_who_hears():
    """ "Mary heard her say.": the cue's speaker is "her" (someone other than Mary, the one who
    hears), not Mary nor the narration's last subject."""
    text = _story(
        "Mrs. Lennox looked at the officer. Mary sat near the door.",
        f"{LDQ}Is it so very bad? Oh, is it?{RDQ} Mary heard her say.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Mrs. Lennox"
    assert quotes[-1].speaker_mention.text == "her"


def test_a_cue_pronoun_is_not_the_one_the_quote_addresses():
    """ "“You are mistaken, Elinor,” said she.": "she" is not Elinor, the one spoken to, even
    when Elinor is the latest woman of the narration."""
    text = _story(
        "Marianne came in, and Elinor rose to meet her.",
        f"{LDQ}You are mistaken, Elinor,{RDQ} said she.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Marianne"


def test_a_reporting_verb_after_an_article_is_a_noun():
    """ "a roll call vote", "a simple question", "in the state": nouns, not cues with the words
    before them as a speaker."""
    quotes = quoteattr.extract(f"{LDQ}We did it,{RDQ} a roll call vote of the state delegates showed on Tuesday.")
    assert quotes[0].speaker is None or quotes[0].speaker.name != "a roll"
    [quote] = quoteattr.extract(f"{LDQ}Who will win the game?{RDQ} the moderator asked them, a simple question for a Monday.")
    assert quote.speaker.name == "the moderator"
    assert quote.text == f"{LDQ}Who will win the game?{RDQ}"


def test_the_narrator_goes_on_after_said_and_a_conjunction():
    """ "she said, but Kevin was drifting off": after "said," a clause that opens with a
    conjunction is the narrator's, not what was said ("Mr. Clarke said, he decided …" is)."""
    from quoteattr.cues import tokens
    from quoteattr.reported import _clause_after

    for text, clause in (("she said, but Kevin was drifting off", False), ("Clarke said, he decided to stay", True)):
        toks = tokens(text, 0, len(text))
        v = next(i for i, t in enumerate(toks) if t.low == "said")
        assert (_clause_after(toks, v, "say") is not None) == clause, text


def test_an_appositive_description_makes_a_role_in_fiction():
    """ "Mr. Wells, the lawyer," and "the artist himself, Basil Hallward": "said the lawyer"
    and "said the artist" name them, though neither noun is in the word lists."""
    text = _story(
        "Mr. Wells, the lawyer, came in and sat down by the window of the room.",
        "Near the door stood the artist himself, Basil Hallward, looking at the picture.",
        f"{LDQ}It is a strange business,{RDQ} said the lawyer.",
        f"{LDQ}It is my best work,{RDQ} said the artist.",
    )
    quotes = quoteattr.extract(text)
    assert [q.speaker.name for q in quotes] == ["Mr. Wells", "Basil Hallward"]


def test_a_rank_keeps_a_family_member_apart_in_fiction():
    """ "General Tilney" is not "Mr. Tilney" (who is Henry Tilney): a rank the son was never
    called by keeps the father apart, and the father's name keeps the rank."""
    text = _story(
        "Mr. Tilney bowed to Catherine, and Henry Tilney was soon at her side again.",
        "General Tilney came into the room and looked at them both.",
        f"{LDQ}You are very welcome to the Abbey,{RDQ} said General Tilney.",
        f"{LDQ}Thank you, sir,{RDQ} said Henry.",
    )
    quotes = quoteattr.extract(text)
    general, henry = (q.speaker for q in quotes)
    assert general.name == "General Tilney" and henry.id != general.id and henry.name.startswith("Henry")


def test_a_chapter_heading_names_no_one_in_fiction():
    """ "THE PROFESSOR EXPLAINS": a heading's capitalised words after a title are no person,
    and "the Professor" goes on naming Professor de Worms."""
    text = _story(
        "A moment later Professor de Worms entered the place, sat down carefully, and asked for a glass of milk.",
        "CHAPTER VIII.\nTHE PROFESSOR EXPLAINS",
        "When Syme found himself established in the chair, he looked at the old man.",
        f"{LDQ}I am a portrait,{RDQ} said the Professor.",
    )
    [quote] = quoteattr.extract(text)
    assert quote.speaker.name == "Professor de Worms"


def test_her_aunt_is_a_married_woman_of_the_scene_with_another_name():
    """ "said her aunt": an aunt mostly bears another family name than her niece, so the
    latest "Mrs." in the scene who is not of the niece's family (Mrs. Gardiner, not Mrs.
    Bennet); and the aunt found answers to "aunt" later on."""
    text = _story(
        "Mrs. Bennet had left the room. Mrs. Gardiner sat down by Elizabeth Bennet near the fire.",
        "Elizabeth looked up from her work.",
        f"{LDQ}You must not be so fond of him,{RDQ} said her aunt.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker.name == "Mrs. Gardiner"


def test_her_mother_found_by_name_comes_before_an_earlier_her_mother():
    """A "her mother" that found no one becomes a person known by that description; a later
    "her mother" that the family name resolves (Marianne Dashwood's: Mrs. Dashwood) is her."""
    text = _story(
        f"{LDQ}It is late,{RDQ} said her mother.",
        "Mrs. Dashwood came into the parlour, where Marianne Dashwood sat by the window.",
        "Marianne did not answer her for a long while.",
        f"{LDQ}My love, you must not be offended,{RDQ} said her mother.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker.name == "Mrs. Dashwood"


def test_the_title_alone_is_the_named_holder_before_a_later_description():
    """ "the staring Professor" said of Professor de Worms becomes a person of its own; "the
    Professor" afterwards is still Professor de Worms, named before it."""
    text = _story(
        "The man standing there was the paralytic old Professor de Worms.",
        f"{LDQ}Indeed,{RDQ} said the staring Professor.",
        "Then Syme sat down heavily on the bench by the wall.",
        f"{LDQ}I can't take my face off here,{RDQ} said the Professor.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker.name == "Professor de Worms"


def test_mr_and_a_family_name_is_not_a_son_known_by_his_given_name():
    """ "Mr. Wilcox" after "Charles Wilcox": the father, not the son, who was never called
    "Mr." (a man called "Mr." before his given name was met is still one person); and "George
    Emerson" after "Mr. Emerson", whose given name the text never gave, is the son."""
    for first, second, father_name, son_name in (
        ("Charles Wilcox came out of the garage.", "Then Mr. Wilcox came down the steps.", "Mr. Wilcox", "Charles"),
        ("Mr. Emerson sat down at the table.", "George Emerson came in from the garden.", "Mr. Emerson", "George Emerson"),
    ):
        text = _story(
            first,
            second,
            f"{LDQ}We must be off at once,{RDQ} said {father_name}.",
            f"{LDQ}The motor is ready,{RDQ} said {son_name}.",
        )
        father, son = (q.speaker for q in quoteattr.extract(text))
        assert father.name == father_name and son.name.startswith(son_name.split()[0]) and father.id != son.id, text

def test_a_given_name_two_people_share_is_shown_in_full():
    """Fiction: "John" is no answer when the text has a John Andrew and a John Beaver; the
    speaker shows the full name the text writes for him more than once."""
    text = _story(
        "John Andrew ran into the stables. John Andrew was six years old.",
        "John laughed. John sat down on the hay. John looked up.",
        "John Beaver stayed in London that week.",
        f"{LDQ}May I ride the pony today?{RDQ} said John.",
    )
    quotes = quoteattr.extract(text)
    assert quotes[-1].speaker.name == "John Andrew" and "John" in quotes[-1].speaker.aliases



def test_narration_names_whom_a_cue_speaker_asked():
    """"… he asked Poirot." — the next line of the conversation is Poirot's answer, not the
    answer of the last other person the narration named."""
    text = _story(
        "“Good morning,” said Poirot.",
        "Mary Cavendish sat by the window. John came in.",
        "“Did you see the letter?” he asked Poirot.",
        "“Yes.”",
    )
    assert [q.speaker.name for q in quoteattr.extract(text)] == ["Poirot", "John", "Poirot"]


def test_a_pronoun_answer_goes_to_the_one_addressed_not_to_a_bystander():
    """"“…, Ruth?” said Henry. Miss Avery stood …" / "“…,” she answered." — "she" answers the
    woman the line addressed, not a woman the narration named who has not spoken."""
    text = _story(
        "Ruth Wilcox came along the platform.",
        "“What are you doing here, Ruth?” said Henry. Miss Avery stood beside the car and waved.",
        "“Shopping,” she answered.",
    )
    assert [q.speaker.name for q in quoteattr.extract(text)] == ["Henry", "Ruth Wilcox"]


def test_a_second_verb_after_but_has_the_sentence_subject():
    """ "Ortiz felt tired but said …": the subject of the verb after "but" is the sentence's."""
    from quoteattr.cues import noun_phrase_before, tokens

    text = "Mayor Lena Ortiz felt tired but said"
    toks = tokens(text, 0, len(text))
    np = noun_phrase_before(toks, len(toks) - 1)
    assert np is not None and " ".join(t.text for t in toks[np.i : np.j]) == "Mayor Lena Ortiz"


def test_called_for_an_object_ends_at_its_comma():
    """ "called for a boycott of his speech, and most members stayed home": what was called for
    is the object, not the narrator's clause after the comma."""
    text = "The rally was on Monday. A group of rabbis called for a boycott of his speech, and most of the members stayed home."
    [quote] = quoteattr.extract(text, kinds=("indirect",))
    assert quote.text == "a boycott of his speech"


def test_state_is_a_noun_without_its_that():
    """ "…, Bernie Sanders, won the contest in his home state of Vermont": "state" is a noun, not
    the cue of a report fronted before it."""
    for text in (
        "BERLIN, 12 May 2024. Clinton won Virginia, while her rival, Bernie Sanders, won the contest in his home state of Vermont.",
        "BERLIN, 12 May 2024. The greens of the old club, its decrepit state emblematic of the fate of many courses, lay empty.",
    ):
        assert [q.cue.text for q in quoteattr.extract(text) if q.cue is not None] == [], text


def test_a_second_verb_after_a_bare_and_starts_a_second_report():
    """ "X said A and said B": two reports of the same speaker, the first ending before "and"."""
    text = "The bridge closed on Monday. Mayor Lena Ortiz said the repairs were on schedule and said the tolls would stay until March."
    quotes = quoteattr.extract(text, kinds=("indirect",))
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("the repairs were on schedule", "Lena Ortiz"),
        ("the tolls would stay until March", "Lena Ortiz"),
    ]


def test_a_stance_after_and_is_the_same_speakers_second_report():
    """ "X said A and defended B": B is what the same speaker defended, a report of its own;
    the plain form after "and" is not read so ("and support" could be anyone's)."""
    text = "The bridge closed on Monday. Mayor Lena Ortiz said the repairs were on schedule and defended the tolls as fair."
    quotes = quoteattr.extract(text, kinds=("indirect",))
    assert [(q.text, q.cue.text, q.speaker.name) for q in quotes if q.cue and q.speaker] == [
        ("the repairs were on schedule", "said", "Lena Ortiz"),
        ("the tolls as fair", "defended", "Lena Ortiz"),
    ]
    plain = "The bridge closed on Monday. Mayor Lena Ortiz said the repairs were on schedule and support was strong."
    assert [q.text for q in quoteattr.extract(plain, kinds=("indirect",))] == ["the repairs were on schedule and support was strong"]


def test_a_stance_before_a_participle_is_the_first_report():
    """ "Weber endorsed Ortiz, saying she would …": two reports, the stance and then the
    participle's clause, both Weber's (the participle alone had hidden the stance)."""
    text = "The vote was on Monday, 2016. At a rally in Celle on Tuesday, Senator Carl Weber endorsed Lena Ortiz, saying that she would make an outstanding mayor."
    quotes = quoteattr.extract(text, kinds=("indirect",))
    assert [(q.text, q.cue.text, q.speaker.name) for q in quotes if q.cue and q.speaker] == [
        ("Lena Ortiz", "endorsed", "Carl Weber"),
        ("she would make an outstanding mayor", "saying", "Carl Weber"),
    ]


def test_a_stance_before_and_said_is_the_first_report():
    """ "Weber criticized the plan but said he would vote for it": the stance, then the clause
    of "said" (not "vote for it", a phrase inside that clause)."""
    text = "The vote was on Monday, 2016. Senator Carl Weber criticized the plan but said he would vote for it."
    quotes = quoteattr.extract(text, kinds=("indirect",))
    assert [(q.text, q.cue.text, q.speaker.name) for q in quotes if q.cue and q.speaker] == [
        ("the plan", "criticized", "Carl Weber"),
        ("he would vote for it", "said", "Carl Weber"),
    ]


def test_a_report_ends_before_the_narrators_contrast():
    """The narrator's words after a report are not the report's: "…, but for voters, it is …",
    "… but has withheld her endorsement" (the subject's second verb, told by the narrator)."""
    for text, want in (
        ("The vote was on Monday, 2016. Ortiz says the mails were personal, but for her rivals, it is a scandal.", "the mails were personal"),
        ("The vote was on Monday, 2016. Ortiz says she will vote for Berg but has withheld her endorsement.", "she will vote for Berg"),
    ):
        assert [q.text for q in quoteattr.extract(text, kinds=("indirect",))][:1] == [want], text


def test_an_abbreviation_ends_a_sentence_before_a_pronoun():
    """ "… attacks in the U.S. He says …": two sentences, two reports; "the U.S. Senate" is one."""
    text = "The vote was on Monday, 2016. Cox says Obama is trying to distract from attacks in the U.S. He says voters want facts."
    assert [q.text for q in quoteattr.extract(text, kinds=("indirect",))] == [
        "Obama is trying to distract from attacks in the U.S",
        "voters want facts",
    ]
    one = "The vote was on Monday, 2016. Cox says the U.S. Senate will pass the bill."
    assert [q.text for q in quoteattr.extract(one, kinds=("indirect",))] == ["the U.S. Senate will pass the bill"]


def test_a_stance_before_calling_is_the_first_report():
    """ "Weber blasted the plan on Wednesday, calling it “absurd.”": the stance, then the
    judgement (two words are enough for it), both Weber's."""
    text = "The vote was on Monday, 2016. Carl Weber blasted the port plan on Wednesday, calling it “absurd.”"
    quotes = quoteattr.extract(text, kinds=("indirect", "mixed"))
    assert [(q.text, q.cue.text, q.speaker.name) for q in quotes if q.cue and q.speaker] == [
        ("the port plan on Wednesday", "blasted", "Carl Weber"),
        ("it “absurd.”", "calling", "Carl Weber"),
    ]


def test_fronted_content_then_a_participle_of_the_same_speaker():
    """ "The port is sinking, Ortiz said Tuesday in Celle, noting …": the fronted content, then
    the participle's clause, both Ortiz's (the participle had taken the sentence, with the
    subject of the fronted words as its speaker)."""
    text = "The vote was on Monday, 2016. Berg's plans are sinking, Ortiz said Tuesday in Celle, noting the council was a danger."
    quotes = quoteattr.extract(text, kinds=("indirect",))
    assert [(q.text, q.speaker.name) for q in quotes if q.speaker] == [
        ("Berg's plans are sinking", "Ortiz"),
        ("the council was a danger", "Ortiz"),
    ]


def test_said_he_and_is_no_inverted_cue_of_fronted_words():
    """ "X, a rabbi from Bern, Ohio, helping …, said he and other rabbis were alarmed": "he"
    opens the clause said, so the words before are the subject, never fronted content."""
    text = "BERN, May 4, 2016 - Carl Weber, a Celle, Fla., rabbi helping to organize the boycott, said he and other rabbis were alarmed."
    assert not [q for q in quoteattr.extract(text, kinds=("indirect",)) if "Weber" in q.text]


def test_an_object_pronoun_does_not_teach_a_persons_sex():
    """ "Major Quorley alone heard her": "her" is Rosalind, not the Major; the "he" after still
    finds him (a name of unknown sex is not made a woman by an object or a possessive)."""
    text = _story(
        "Major Quorley had come early to the vicarage. Rosalind played the piano after dinner, and "
        "Major Quorley alone sat near enough to hear her.",
        f"{LDQ}That was very pretty,{RDQ} he said.",
    )
    assert _speaker_names(text) == ["Major Quorley"]


def test_a_subject_pronoun_of_the_narration_keeps_to_the_subject():
    """ "He went on staring at Mr. Halloway": "He" is Mr. Fenwick, the subject before, not the
    man last named; so is the "he" of the cue after."""
    text = _story(
        "Mr. Fenwick looked at the clerk with surprise. He had never thought of Mr. Halloway as "
        "ambitious. He went on staring at Mr. Halloway, wondering how to answer him.",
        f"{LDQ}But must it be Canada?{RDQ} he stammered.",
    )
    assert _speaker_names(text) == ["Mr. Fenwick"]


def test_a_name_after_a_comma_with_its_verb_is_a_subject():
    """ "…at the gate, Clara could only laugh at her": Clara is the last subject, and the
    "she" of the cue after is Clara, not Beatrice who opened the paragraph."""
    text = _story(
        "Beatrice, it seemed, had never once been inside the old mill, and after a long look at "
        "the gate, Clara could only laugh at her.",
        f"{LDQ}We must find a way in,{RDQ} said she.",
    )
    assert _speaker_names(text) == ["Clara"]


def test_a_pronoun_prefers_a_named_person_to_a_description_of_unknown_sex():
    """ "the suitor" says nothing of sex; "she laughed" is Rosalind, named before, and not the
    suitor who spoke last."""
    text = _story(
        "Rosalind walked slowly along the terrace.",
        f"{LDQ}Everyone thinks so,{RDQ} the suitor insisted.",
        f"{LDQ}You are so original!{RDQ} she laughed.",
    )
    assert _speaker_names(text) == ["the suitor", "Rosalind"]


def test_a_cueless_quote_goes_to_the_subject_nearest_before_it():
    """Two subjects in the narration of the quote's paragraph: the one that comes in and lays
    down his hat speaks, not the one the paragraph opened with."""
    text = _story(
        "The evening was dull.",
        "Lady Amberley sat by the window with her needlework. After a long while Mr. Trent came in "
        f"from the garden, and, laying his wet hat upon the table with great care, {LDQ}It is raining again.{RDQ}",
    )
    assert _speaker_names(text) == ["Mr. Trent"]


def test_the_second_voice_is_the_one_the_opening_line_turns_to():
    """The person named after the first quote of a conversation ("with a glance at Miss Vale")
    answers, not the one named in the narration before it."""
    text = _story(
        "Mrs. Pruett had gone upstairs with the lamp.",
        f"{LDQ}Where have you been?{RDQ} said Clara, with a glance at Miss Vale. {LDQ}We looked everywhere.{RDQ}",
        f"{LDQ}Only in the garden.{RDQ}",
    )
    assert _speaker_names(text) == ["Clara", "Clara", "Miss Vale"]


def test_a_title_at_a_line_end_belongs_to_the_name_on_the_next_line():
    """Hard-wrapped text: "Mr.\nAlden" is Mr. Alden, a man, whom the "he" after finds (not an
    untitled "Alden" joined to Mrs. Alden)."""
    text = _story(
        "Mrs. Alden was sewing by the fire in the little parlour when Mr.\nAlden came in from the yard.",
        f"{LDQ}Is dinner ready?{RDQ} he asked.",
    )
    assert _speaker_names(text) == ["Mr. Alden"]


def test_a_participle_opening_a_sentence_is_not_a_name():
    """ "Delighted by the effect …, he ran off, shouting, “…”": the speaker is "he" (Tom), not
    a person called Delighted."""
    text = _story(
        "Rosalind asked whether Tom meant to come.",
        f"Delighted by the effect of her question, he ran off across the lawn, shouting, {LDQ}Of course I shall come!{RDQ}",
    )
    [quote] = quoteattr.extract(text)
    assert quote.speaker is not None and quote.speaker.name == "Tom"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "he"


_RAIN = " ".join(["The rain went on falling over the roofs and the empty square below."] * 55)


def test_a_pronoun_reaches_a_person_named_a_long_paragraph_before():
    """Nearly 4,000 characters of narration without a person between a name and the "he" of a
    cue: the pronoun still finds him."""
    text = _story("Mr. Hale sat down by the fire.", _RAIN, f"{LDQ}It is late,{RDQ} he said.")
    assert _speaker_names(text) == ["Mr. Hale"]


def test_the_last_resort_reaches_a_speaker_a_long_paragraph_before():
    """A line with no cue after a long paragraph of narration: the other of the two who spoke
    before it answers."""
    text = _story(
        f"{LDQ}Good morning,{RDQ} said Mr. Hale.",
        f"{LDQ}Good morning,{RDQ} said Mrs. Hale.",
        _RAIN,
        f"{LDQ}Shall we go out?{RDQ}",
    )
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None and last.speaker.name == "Mr. Hale"
    assert last.rule == "recent other speaker"


def test_a_given_name_someone_goes_by_is_not_a_family_name():
    """ "With Mrs. Alfred Clara went …" is read as one name, "Alfred Clara"; a later "Clara" is
    still Clara Grey, who goes by that given name, not that man."""
    text = _story(
        "Clara Grey lived at the mill with her aunt. With Mrs. Alfred Clara went to church every Sunday.",
        f"{LDQ}I am tired,{RDQ} said Clara.",
    )
    assert _speaker_names(text) == ["Clara Grey"]


def test_a_name_with_two_particles_is_read_whole():
    """ "said Mrs. van der Luyden": a cue naming her with her title, not "Luyden" nor nobody."""
    text = _story(
        "Mr. van der Luyden sat down by his wife.",
        f"{LDQ}It is the principle,{RDQ} said Mr. van der Luyden.",
        f"{LDQ}Yes,{RDQ} said Mrs. van der Luyden.",
    )
    quotes = quoteattr.extract(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Mr. van der Luyden", "Mrs. van der Luyden"]
    assert [q.rule for q in quotes] == ["said X", "said X"]


def test_a_double_hyphen_is_a_dash_before_a_subject():
    """ "… read the letter twice -- Clara turned away": Clara is the last subject, whom the
    "she" of the cue after means."""
    text = _story(
        "Mrs. Pruett read the letter twice -- Clara turned away to the window.",
        f"{LDQ}It is nothing,{RDQ} she said.",
    )
    assert _speaker_names(text) == ["Clara"]


def test_only_plain_verbs_invert_after_fronted_words():
    """ "X, a supporter …, asked former minister Tomas Berg whether …": the one asked is no
    inverted speaker, so the subject before it is no fronted content; "…, said Berg" is."""
    text = "BERN, May 4, 2016 - Carla Weiss, a supporter of the mayor and head of the Port Council, asked former minister Tomas Berg whether the port would reopen."
    assert not [q for q in quoteattr.extract(text, kinds=("indirect",)) if "Weiss" in q.text]
    plain = "The vote was on Monday, 2016. The port will reopen in June, said former minister Tomas Berg."
    assert [(q.text, q.speaker.name) for q in quoteattr.extract(plain, kinds=("indirect",))] == [("The port will reopen in June", "Tomas Berg")]


def test_that_before_a_verb_is_the_clauses_subject():
    """ "Weber said that was a mistake": "that" is the subject of what was said, part of it."""
    text = "The vote was on Monday, 2016. Carl Weber said that was a mistake."
    assert [q.text for q in quoteattr.extract(text, kinds=("indirect",))] == ["that was a mistake"]
