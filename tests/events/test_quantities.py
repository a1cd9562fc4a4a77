"""Figures read from statements: numbers and ranges, hedges, number words, zeros, and which unit they count."""
from events.quantities import compare, quantities


def _read(text):
    return [(q.unit, q.low, q.high, q.approximate) for q in quantities(text)]


def test_a_range_between_two_numbers_is_kept_as_a_range():
    assert _read("Between 10 and 20 people were killed in the shelling.") == [("killed", 10, 20, False)]


def test_a_hyphenated_range_is_kept_as_a_range():
    assert _read("The raid killed 3-4 people, residents said.") == [("killed", 3, 4, False)]


def test_at_least_gives_a_figure_open_above():
    assert _read("At least five hospitals were hit, doctors said.") == [("hospitals", 5, None, True)]


def test_over_and_number_words_are_read_together():
    (figure,) = quantities("Over fifty fighters were killed in the raids, rebels said.")
    assert (figure.unit, figure.low, figure.high, figure.label) == ("killed", 50, None, "over 50")


def test_compound_number_words_become_one_number():
    assert _read("Eleven thousand three hundred people died in the flood.") == [("killed", 11300, 11300, False)]


def test_dozens_is_an_approximate_range():
    assert _read("Dozens of strikes hit the town overnight.") == [("strikes", 24, 99, True)]


def test_no_casualties_counts_as_zero():
    assert _read("There were no casualties, the ministry said.") == [("casualties", 0, 0, False)]


def test_a_figure_in_a_quoted_denial_is_zero_wounded():
    assert _read('"No one was hurt," the army said, denying the reports.') == [("wounded", 0, 0, False)]


def test_two_units_in_one_sentence_are_told_apart():
    assert _read("Five soldiers were killed and 11 were injured.") == [("killed", 5, 5, False),
                                                                        ("wounded", 11, 11, False)]


def test_the_unit_may_come_before_the_figure():
    assert _read("The death toll rose to 11,300 on Thursday.") == [("killed", 11300, 11300, False)]


def test_dates_durations_and_years_are_not_counts():
    assert _read("He was arrested on Sept 13 in 2022 and died three days later.") == []


def test_percentages_are_their_own_unit():
    assert _read("Maduro won 51.2% of the vote, the council said.") == [("percent", 51.2, 51.2, False)]


def test_zero_casualties_disagree_with_a_death_toll():
    assert compare(quantities("No casualties were reported."), quantities("Over 50 were killed.")) == (0, 1)


def test_round_numbers_of_the_same_unit_agree():
    assert compare(quantities("10,000 are still missing."), quantities("A further 10,100 are missing.")) == (1, 0)


def test_figures_of_different_units_are_not_compared():
    assert compare(quantities("Five hospitals were hit."), quantities("Nine people were killed.")) == (0, 0)
