"""Date expressions as cables write them, resolved to EDTF with day bounds."""

import datetime as dt

import pytest
from engagements.extract.dates import edtf_bounds, find_dates

CABLE_DATE = dt.date(2009, 11, 20)  # a Friday


def edtfs(text, reference=CABLE_DATE):
    return [d.edtf for d in find_dates(text, reference)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The second BWG met 17-20 June 2009 in Lima.", ["2009-06-17/2009-06-20"]),
        ("September 25, 2009; 4:00 p.m.; New York City, NY, USA.", ["2009-09-25"]),
        ("THE MINISTER ARRIVED ON 3 MARCH 2008.", ["2008-03-03"]),
        ("held their first meeting in May of 2007 in Washington", ["2007-05"]),
        ("talks are planned for June 29 - July 2", ["2009-06-29/2009-07-02"]),
        ("the Premier's announced October 4-6 trip", ["2009-10-04/2009-10-06"]),
        ("the next session, the week of September 6", ["2009-09-06/2009-09-10"]),
        ("By early August the request was made.", ["2009-08~"]),
        ("a session is expected around June 2010", ["2010-06~"]),
        ("tentatively planned for late 2011", ["2011~"]),
        ("the Premier's visit last fall", ["2009-09/2009-11"]),
        ("the first consultations, in 1997, were small", ["1997"]),
    ],
)
def test_absolute_and_approximate(text, expected):
    assert edtfs(text) == expected


def test_missing_year_is_the_nearest_to_the_cable_date():
    january_cable = dt.date(2009, 1, 5)
    assert edtfs("the Ambassador met the Foreign Minister on December 12", january_cable) == ["2008-12-12"]
    assert edtfs("the delegation will arrive on January 20", january_cable) == ["2009-01-20"]


def test_relative_to_the_cable_date():
    assert edtfs("The Ambassador met the Minister yesterday.") == ["2009-11-19"]
    assert edtfs("The Ambassador met the Minister on Monday.") == ["2009-11-16"]
    assert edtfs("The Minister will travel to Washington on Monday.") == ["2009-11-23"]
    assert edtfs("He traveled to La Paz last week.") == ["2009-11-09/2009-11-15"]
    assert edtfs("He will visit Beijing next week.") == ["2009-11-23/2009-11-29"]
    assert edtfs("He met the President two days ago.") == ["2009-11-18"]


def test_relative_to_an_earlier_date_in_the_text():
    assert edtfs("a first meeting in May of 2007 with a follow-on meeting six months later") == ["2007-05", "2007-11~"]


def test_no_reference_leaves_relative_and_yearless_dates_out():
    assert edtfs("He met the President yesterday and on June 3.", None) == []
    assert edtfs("He met the President on June 3, 2009.", None) == ["2009-06-03"]


def test_words_that_look_like_months_are_not_dates():
    assert edtfs("He may 5 times have said so; protesters march on.") == []


def test_offsets_point_at_the_words():
    text = "The talks of 17-20 June 2009 went well."
    (d,) = find_dates(text, CABLE_DATE)
    assert text[d.start:d.end] == d.text == "17-20 June 2009"
    assert (d.date_start, d.date_end) == (dt.date(2009, 6, 17), dt.date(2009, 6, 20))


def test_bounds():
    assert edtf_bounds("2009-09-25") == (dt.date(2009, 9, 25), dt.date(2009, 9, 25))
    assert edtf_bounds("2007-05") == (dt.date(2007, 5, 1), dt.date(2007, 5, 31))
    assert edtf_bounds("2009-06-17/2009-06-20") == (dt.date(2009, 6, 17), dt.date(2009, 6, 20))
    lo, hi = edtf_bounds("2010-06~")
    assert lo < dt.date(2010, 6, 1) and hi > dt.date(2010, 6, 30)
    assert edtf_bounds(None) == (None, None)
    assert edtf_bounds("not a date") == (None, None)


def test_impossible_days_are_not_dates():
    assert edtfs("on 0 June, on 31 February, on 00/00", dt.date(2000, 5, 5)) == []


def test_numeric_dates_after_on_read_month_first():
    assert edtfs("officials met the prosecutor on 1/18 to review the case", dt.date(2007, 1, 19)) == ["2007-01-18"]


def test_a_month_written_before_a_conversation_noun_is_its_date():
    import datetime as dt

    from engagements.extract.dates import find_dates

    (d,) = find_dates("He said that during a September discussion in New York, FM Moallam had related to him that", dt.date(2008, 10, 14))
    assert d.edtf == "2008-09"
