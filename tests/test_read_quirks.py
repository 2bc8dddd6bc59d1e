"""One small test per quirk of the corpus README, on short cables written for these tests."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from engagements.extract.fips import country_for_post, country_for_tag
from engagements.extract.forms import detect_form
from engagements.extract.ids import canonical_id
from engagements.extract.read import RENDERING_PREFERENCE, read_bytes
from engagements.extract.tags import classify_tag
from engagements.schema.vocab import ErrorCode, SourceForm, TagKind

from engagements.errors import CableError

BODY = """C O N F I D E N T I A L QUITO 000123

SIPDIS

E.O. 12958: DECL: 03/04/2019
TAGS: PREL PGOV EC
SUBJECT: ECUADOR: MINISTER DISCUSSES BORDER

REF: A. QUITO 100 B. 08 STATE 4567

Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d)

1. (C) Summary: The Minister met the Ambassador on March 3.

2. (S/NF) The Minister asked for radios.

DOE
"""


def page_cut(body: str, *, ref="09QUITO123", created="2009-03-04 15:15", classification="CONFIDENTIAL",
             origin="Embassy Quito", header="VZCZCXYZ0000\nO 041530Z MAR 09\nFM AMEMBASSY QUITO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0001") -> bytes:
    """A WikiLeaks page cut as the mirror writes it: newlines as &#x000A;, paragraph anchors."""
    def pre(text: str) -> str:
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        for n in range(1, 30):
            text = text.replace(f"\n{n}. (", f"\n<a id='par{n}' href='#par{n}'>¶</a>{n}. (")
        return text.replace("\n", "&#x000A;")
    html = (
        "<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>\n"
        "<th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n"
        f"<td>\n<a href='/cable/x.html'>{ref}</a>\n</td>\n<td>\n<a href='/date/x.html'>{created}</a>\n</td>\n"
        "<td>\n<a href='/reldate/x.html'>2011-01-01 00:00</a>\n</td>\n"
        f"<td>\n<a href='/classification/1_0.html' title='unclassified'>{classification}</a>\n</td>\n"
        f"<td>\n<a href='/origin/1_0.html'>{origin}</a>\n</td>\n</tr>\n</table>\n"
        f"<code><pre>{pre(header)}</pre></code>\n<code><pre>{pre(body)}</pre></code>\n</div></body></html>"
    )
    return html.encode("utf-8")


def read(text: str, path: str = "raw/09QUITO123.txt"):
    return read_bytes(text.encode("utf-8"), path)


# --- forms ------------------------------------------------------------------------------------


def test_forms_are_told_apart():
    assert detect_form(page_cut(BODY), "x.html") is SourceForm.WIKILEAKS_PAGE_CUT
    assert detect_form(b"<html><body>nav</body>" + page_cut(BODY), "x.html") is SourceForm.WIKILEAKS_PAGE
    assert detect_form("<code><pre>" + BODY + "</pre></code>", "x.txt") is SourceForm.PRE_FRAGMENT
    assert detect_form("VZCZCXYZ0000\r\nO 041530Z MAR 09\r\nFM AMEMBASSY QUITO\r\n" + BODY, "x.txt") is SourceForm.RAW_TELEGRAM
    assert detect_form("VZCZCXYZ0000  \nTAGS: [PREL](#)\n" + BODY, "x.txt") is SourceForm.PLAIN_TEXT


def test_rendering_preference_puts_richest_first():
    assert RENDERING_PREFERENCE[0] is SourceForm.WIKILEAKS_PAGE
    assert RENDERING_PREFERENCE[-1] is SourceForm.PRE_FRAGMENT
    assert set(RENDERING_PREFERENCE) == set(SourceForm)


def test_page_cut_fields():
    doc = read_bytes(page_cut(BODY), "pages/09QUITO123.html")
    c = doc.cable
    assert c.cable_id == "09QUITO123" and c.origin_code == "QUITO"
    assert c.origin == "Embassy Quito"
    assert c.classification == "CONFIDENTIAL"  # the link text, not the wrong title attribute
    assert c.precedence == "IMMEDIATE" and c.to_addressees == ["SECSTATE WASHDC"]
    assert c.subject == "ECUADOR: MINISTER DISCUSSES BORDER"
    assert c.tags == ["PREL", "PGOV", "EC"]
    assert c.references == ["09QUITO100", "08STATE4567"]
    assert c.classified_by == "Ambassador Jane Doe"
    assert c.classification_reasons == ["1.4(b)", "1.4(d)"]
    assert c.declassify_on == dt.date(2019, 3, 4)
    assert c.signer == "DOE"
    assert [(p.paragraph_number, p.marking) for p in doc.paragraphs] == [(1, "C"), (2, "S/NF")]


def test_created_is_the_page_field_as_printed_and_sent_is_the_true_time():
    """The page prints the hour again in place of the minutes (15:15 for 1530Z): created keeps
    the page's field, the convention users join on; sent carries the date-time group's time."""
    doc = read_bytes(page_cut(BODY), "pages/09QUITO123.html")
    assert doc.cable.created_datetime == dt.datetime(2009, 3, 4, 15, 15, tzinfo=dt.UTC)
    assert doc.cable.sent_datetime == dt.datetime(2009, 3, 4, 15, 30, tzinfo=dt.UTC)


def test_created_keeps_the_page_when_the_dtg_is_another_day():
    doc = read_bytes(page_cut(BODY, created="2009-03-05 00:12"), "pages/09QUITO123.html")
    assert doc.cable.created_datetime == dt.datetime(2009, 3, 5, 0, 12, tzinfo=dt.UTC)
    assert doc.cable.sent_datetime == dt.datetime(2009, 3, 4, 15, 30, tzinfo=dt.UTC)


# --- header shapes ----------------------------------------------------------------------------


@pytest.mark.parametrize("header", [
    "VZCZCXRO0001\nPP RUEHQT\nDE RUEHQT #0123/01 0631530\nZNY CCCCC ZZH\nP 041530Z MAR 09\nFM AMEMBASSY QUITO\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\nINFO RUEHBO/AMEMBASSY BOGOTA 0002",
    "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nP 041530Z MAR 09\nFM AMEMBASSY QUITO\nTO SECSTATE WASHDC PRIORITY 0001\nINFO AMEMBASSY BOGOTA",
    "P 041530Z MAR 09\nFM AMEMBASSY QUITO\nTO SECSTATE WASHDC PRIORITY 0001\nINFO AMEMBASSY BOGOTA",
    "ACTION WHA-00\n\nINFO  LOG-00   EEB-00   AID-00\n      DS-00    /000W\n\nP 041530Z MAR 09\nFM AMEMBASSY QUITO\nTO SECSTATE WASHDC PRIORITY 0001\nINFO AMEMBASSY BOGOTA PRIORITY",
])
def test_four_header_shapes(header):
    doc = read_bytes(page_cut(BODY, header=header), "pages/09QUITO123.html")
    c = doc.cable
    assert c.precedence == "PRIORITY"
    assert c.to_addressees == ["SECSTATE WASHDC"]
    assert c.info_addressees == ["AMEMBASSY BOGOTA"]
    assert c.sent_datetime.minute == 30
    assert c.is_partial == header.startswith("This record")


def test_raw_telegram_latin1_crlf():
    text = ("VZCZCXRO0001\r\nRR RUEHQT\r\nDE RUEHQT #0123 0631530\r\nZNR UUUUU ZZH\r\nR 041530Z MAR 09\r\n"
            "FM AMEMBASSY QUITO\r\nTO RUEHC/SECSTATE WASHDC 0001\r\nUNCLAS QUITO 000123\r\n\r\nE.O. 12958: N/A\r\n"
            "TAGS: PREL EC\r\nSUBJECT: CAF\xc9 TALKS\r\n\r\n\xb61.  The Minister met us.\r\n\r\n\xb62.  More.\r\n\r\nDOE\r\n")
    doc = read_bytes(text.encode("latin-1"), "raw/xyz.txt")
    assert doc.cable.source_form == "raw_telegram"
    assert doc.cable.cable_id == "09QUITO123"  # year from the DTG, post and serial from the banner
    assert doc.cable.subject == "CAFÉ TALKS"
    assert "\r" not in doc.text.body
    assert [p.paragraph_number for p in doc.paragraphs] == [1, 2]
    assert doc.cable.declassify_on is None and doc.cable.declassify_on_text == "N/A"


# --- E.O., TAGS, SUBJECT, CLASSIFIED BY -------------------------------------------------------


@pytest.mark.parametrize("line, date, text", [
    ("E.O. 12958: DECL: 03/04/2019", dt.date(2019, 3, 4), "03/04/2019"),
    ("E.O. 12958: DECL: 2019/03/04", dt.date(2019, 3, 4), "2019/03/04"),
    ("E.O. 12958: DECL: 3/4/2019", dt.date(2019, 3, 4), "3/4/2019"),
    ("E.O. 12958: DECL: 03/04/19", dt.date(2019, 3, 4), "03/04/19"),
    ("EO 12958 DECL: 03/04/2019", dt.date(2019, 3, 4), "03/04/2019"),
    ("E.O. 12958: N/A", None, "N/A"),
    ("E.O. 12958: DECL: TWENTY YEARS", None, "TWENTY YEARS"),
])
def test_declassification_spellings(line, date, text):
    doc = read(BODY.replace("E.O. 12958: DECL: 03/04/2019", line))
    assert doc.cable.declassify_on == date
    assert doc.cable.declassify_on_text == text


def test_no_eo_line():
    doc = read(BODY.replace("E.O. 12958: DECL: 03/04/2019\n", ""))
    assert doc.cable.declassify_on is None and doc.cable.tags == ["PREL", "PGOV", "EC"]


@pytest.mark.parametrize("line", ["TAGS PREL, PGOV, EC", "TAGS: PREL, PGOV, EC", "TAGS:  PREL PGOV\nEC"])
def test_tags_spellings(line):
    assert read(BODY.replace("TAGS: PREL PGOV EC", line)).cable.tags == ["PREL", "PGOV", "EC"]


def test_tags_on_the_eo_line():
    doc = read(BODY.replace("E.O. 12958: DECL: 03/04/2019\nTAGS: PREL PGOV EC", "E.O. 12958: DECL: 03/04/2019 TAGS PREL PGOV EC"))
    assert doc.cable.tags == ["PREL", "PGOV", "EC"]
    assert doc.cable.declassify_on == dt.date(2019, 3, 4)


def test_subject_runs_onto_next_line_and_may_be_missing():
    doc = read(BODY.replace("SUBJECT: ECUADOR: MINISTER DISCUSSES BORDER", "SUBJECT: ECUADOR: MINISTER DISCUSSES\nBORDER"))
    assert doc.cable.subject == "ECUADOR: MINISTER DISCUSSES BORDER"
    assert read(BODY.replace("SUBJECT: ECUADOR: MINISTER DISCUSSES BORDER\n", "")).cable.subject is None


def test_classified_by_in_capitals_and_agency_parts():
    doc = read(BODY.replace("Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d)",
                            "CLASSIFIED BY: Jane Doe, Ambassador, State, Embassy Quito; REASON: 1.4(B), (D)"))
    assert doc.cable.classified_by == "Jane Doe, Ambassador"
    assert doc.cable.classification_reasons == ["1.4(b)", "1.4(d)"]


def test_references_kept_apart_from_emails_and_notes():
    doc = read(BODY.replace("REF: A. QUITO 100 B. 08 STATE 4567", "REF: A. QUITO 100 AND PREVIOUS B. DOE-SMITH EMAIL 3/1/09\nC. 08 STATE 4567"))
    assert doc.cable.references == ["09QUITO100", "08STATE4567"]
    assert doc.cable.other_references == ["DOE-SMITH EMAIL 3/1/09"]


def test_reference_to_a_later_own_serial_is_last_years():
    doc = read(BODY.replace("REF: A. QUITO 100 B. 08 STATE 4567", "REF: QUITO 900"))
    assert doc.cable.references == ["08QUITO900"]


# --- text -------------------------------------------------------------------------------------


def test_press_version_dateline():
    doc = read("Wednesday, 04 March 2009, 15:30\n" + BODY, "pre/09QUITO123.txt")
    assert doc.cable.is_press_version
    assert doc.cable.created_datetime == dt.datetime(2009, 3, 4, 15, 30, tzinfo=dt.UTC)


def test_section_and_page_markers_left_out_of_paragraphs():
    body = BODY.replace("2. (S/NF) The Minister asked for radios.",
                        "2. (S/NF) The Minister asked\nQUITO 00000123  002 OF 002\nfor radios and C O N F I D E N T I A L SECTION 02 OF 02 QUITO 000123 boats.")
    doc = read(body)
    assert doc.paragraph(2).text == "The Minister asked\nfor radios and boats."
    assert "002 OF 002" not in doc.text.body


def test_truncated_body_and_csv_leftovers():
    doc = read(BODY.replace("DOE\n", "It continued ...\",\n"))
    assert doc.cable.is_truncated


def test_cyrillic_redaction_marks_become_x():
    doc = read(BODY.replace("met the Ambassador", "met XXХXXXXXХXXX"))
    assert "met XXXXXXXXXXXX on" in doc.paragraph(1).text


def test_bare_ampersand_lt_entities_u2028_tabs_acute():
    line = "AT&T R<D\tsaid the Minister´s aide\u2028next line."
    plain = read(BODY.replace("The Minister asked for radios.", line))
    assert plain.paragraph(2).text == "AT&T R<D said the Minister's aide\nnext line."
    page = read_bytes(page_cut(BODY.replace("The Minister asked for radios.", line)), "pages/09QUITO123.html")
    assert page.paragraph(2).text == plain.paragraph(2).text
    fragment = "<code><pre>" + BODY.replace("The Minister asked for radios.", "AT&T &lt;sic&gt; R<D&amp;E.") + "</pre></code>"
    assert read(fragment, "pre/09QUITO123.txt").paragraph(2).text == "AT&T <sic> R<D&E."


def test_paragraphs_run_together_and_markings_without_anchors():
    body = BODY.replace("1. (C) Summary: The Minister met the Ambassador on March 3.\n\n2. (S/NF)",
                        "1. (C) Summary: The Minister met the Ambassador on March 3. 2. (S NF)")
    doc = read(body)
    assert [(p.paragraph_number, p.marking) for p in doc.paragraphs] == [(1, "C"), (2, "S/NF")]
    assert doc.paragraph(1).text.endswith("March 3.")


@pytest.mark.parametrize("raw, value", [("(C//NF)", "C/NF"), ("(S NF)", "S/NF"), ("(S/NOFORN)", "S/NF"), ("(U//FOUO)", "U/FOUO"), ("(SBU)", "SBU")])
def test_marking_spellings(raw, value):
    assert read(BODY.replace("(S/NF)", raw)).paragraph(2).marking == value


def test_anchor_gaps_and_repeated_numbers_keep_unique_keys():
    body = BODY.replace("2. (S/NF) The Minister asked for radios.", "2. (C) First.\n\n2. (C) Again.\n\n4. (C) Skipped three.")
    doc = read(body)
    assert [p.printed_number for p in doc.paragraphs] == [1, 2, 2, 4]
    assert len({p.paragraph_number for p in doc.paragraphs}) == 4


def test_lead_text_before_paragraph_one_is_paragraph_zero():
    doc = read(BODY.replace("\n1. (C) Summary", "\nThis is an action request.\n\n1. (C) Summary"))
    zero = doc.paragraph(0)
    assert zero is not None and not zero.is_numbered and zero.text == "This is an action request."


def test_unnumbered_cable_is_cut_into_blocks():
    body = BODY.replace("1. (C) Summary: ", "").replace("2. (S/NF) ", "")
    doc = read(body)
    assert [(p.paragraph_number, p.is_numbered) for p in doc.paragraphs] == [(1, False), (2, False)]


def test_offsets_and_hash_are_exact():
    for doc in (read(BODY), read_bytes(page_cut(BODY), "pages/09QUITO123.html")):
        assert doc.cable.body_sha256 == hashlib.sha256(doc.text.body.encode("utf-8")).hexdigest()
        for p in doc.paragraphs:
            assert doc.text.body[p.char_start:p.char_end] == p.text


def test_page_and_fragment_give_the_same_body_and_paragraphs():
    page = read_bytes(page_cut(BODY), "pages/09QUITO123.html")
    anchored = BODY.replace("\n1. (", "\n<a id='par1' href='#par1'>¶</a>1. (").replace("\n2. (", "\n<a id='par2' href='#par2'>¶</a>2. (")
    pre = read("<code><pre>" + anchored + "</pre></code>", "pre/09QUITO123.txt")
    assert page.text.body == pre.text.body
    assert [p.model_dump() for p in page.paragraphs] == [p.model_dump() for p in pre.paragraphs]


# --- ids, tags, countries ---------------------------------------------------------------------


@pytest.mark.parametrize("raw, hint, cid", [
    ("08ECTION01OF02MANAMA492", None, "08MANAMA492"),
    ("09SECTION02OF03QRIPOLI583", "TRIPOLI", "09TRIPOLI583"),
    ("08SCTION02OF02SAOPAULO335", None, "08SAOPAULO335"),
    ("09LIMA1661", None, "09LIMA1661"),
    ("000_69213b056e47e10f", None, None),
])
def test_malformed_ids_canonicalised(raw, hint, cid):
    assert canonical_id(raw, hint) == cid


def test_malformed_page_id_takes_the_post_from_the_cable():
    body = BODY.replace("C O N F I D E N T I A L QUITO 000123", "C O N F I D E N T I A L SECTION 01 OF 02 QUITO 000123")
    doc = read_bytes(page_cut(body, ref="09SECTION01OF02QUIT0123"), "pages/09SECTION01OF02QUIT0123.html")
    assert doc.cable_id == "09QUITO123"


@pytest.mark.parametrize("tag, iso3", [("PE", "PER"), ("PM", "PAN"), ("BR", "BRA"), ("HO", "HND"), ("NU", "NIC"), ("GM", "DEU"), ("UK", "GBR"), ("CH", "CHN")])
def test_country_tags_are_fips_not_iso2(tag, iso3):
    assert country_for_tag(tag)[0] == iso3
    kind, meaning, code = classify_tag(tag)
    assert kind is TagKind.COUNTRY and code == iso3 and meaning


def test_tag_kinds():
    assert classify_tag("PREL")[:2] == (TagKind.SUBJECT, "External Political Relations")
    assert classify_tag("KPAO")[0] is TagKind.PROGRAM
    assert classify_tag("OAS")[0] is TagKind.ORGANISATION
    assert classify_tag("ZELAYA")[0] is TagKind.PERSON
    assert country_for_post("NEWDELHI") == "IND" and country_for_post("USUNNEWYORK") is None


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("data, code", [
    (b"", ErrorCode.EMPTY_FILE),
    (b"  \n\t\n", ErrorCode.EMPTY_FILE),
    (b"\x00\x01\x02binary\x00" * 20, ErrorCode.BINARY_FILE),
    (b"Dear diary, today nothing happened.\n", ErrorCode.NOT_A_CABLE),
    (b"<code><pre>Appears in these articles:<br /></pre></code>", ErrorCode.NOT_A_CABLE),
])
def test_bad_input_is_a_typed_error_naming_the_file(data, code):
    with pytest.raises(CableError) as err:
        read_bytes(data, "inbox/bad.txt")
    assert err.value.error is code
    assert "inbox/bad.txt" in str(err.value)


def test_header_without_body_is_truncated():
    html = page_cut("").decode("utf-8")
    with pytest.raises(CableError) as err:
        read_bytes(html.encode("utf-8"), "pages/09QUITO123.html")
    assert err.value.error is ErrorCode.TRUNCATED_CABLE


def test_no_id_anywhere_is_missing_cable_id():
    body = BODY.replace("E.O. 12958: DECL: 03/04/2019\n", "")
    with pytest.raises(CableError) as err:
        read_bytes(("<code><pre>" + body + "</pre></code>").encode(), "inbox/fragment.txt")
    assert err.value.error is ErrorCode.MISSING_CABLE_ID


def test_heading_glued_to_the_last_sentence_and_rules():
    body = BODY.replace("2. (S/NF)", "The talk ended. -------- Radios and Boats --------\n\n2. (S/NF)")
    doc = read(body)
    assert doc.paragraph(1).text.endswith("The talk ended.")
    assert doc.paragraph(2).heading == "Radios and Boats"


def test_page_marker_with_a_shortened_post_name():
    body = BODY.replace("asked for radios.", "asked for QUIT 00000123 002 OF 002 radios.")
    assert read(body).paragraph(2).text == "The Minister asked for radios."


def test_surname_first_official_is_put_in_reading_order():
    body = BODY.replace("Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d)",
                        "CLASSIFIED BY: Doe Jane A., Ambassador, State, Embassy Quito; REASON: 1.4(B), (D)")
    assert read(body).cable.classified_by == "Jane A. Doe, Ambassador"
