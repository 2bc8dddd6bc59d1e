"""Country words as cables write them resolve to ISO alpha-3 codes or organisation acronyms."""

from engagements.extract.countries import country_code, find_countries


def test_names_adjectives_and_demonyms():
    assert country_code("Peru") == "PER"
    assert country_code("Peruvian") == "PER"
    assert country_code("the Brazilians") == "BRA"
    assert country_code("the Japanese") == "JPN"
    assert country_code("U.S.") == "USA"
    assert country_code("USG") == "USA"
    assert country_code("Nowhereland") is None


def test_government_abbreviations_resolve_against_the_host():
    assert country_code("GOP", host="PER") == "PER"
    assert country_code("GoB", host="BRA") == "BRA"
    assert country_code("GOI", host="ISR") == "ISR"
    assert country_code("GOI", host="IND") == "IND"
    assert country_code("GOP", host="BRA") is None  # no Government of P in Brazil
    assert country_code("GOP") is None  # no host, no guess


def test_organisations_are_acronyms():
    assert country_code("UN") == "UN"
    assert country_code("Organization of American States") == "OAS"
    assert country_code("European Union") == "EU"


def test_find_countries_gives_spans_in_order():
    text = "The U.S. and Peru met; the GOP asked the UN for help, as did the Chileans."
    found = find_countries(text, host="PER")
    assert [code for _, _, code in found] == ["USA", "PER", "PER", "UN", "CHL"]
    start, end, _ = found[1]
    assert text[start:end] == "Peru"


def test_capitals_and_uppercase_text():
    assert [c for *_, c in find_countries("PERUVIAN AND BRAZILIAN OFFICIALS")] == ["PER", "BRA"]


def test_american_after_a_region_is_no_us():
    from engagements.extract.countries import find_countries
    assert find_countries("the Inter-American Commission and Latin American states") == []
    assert [c for _, _, c in find_countries("American officials and U.S.-Pakistan talks")] == ["USA", "USA", "PAK"]
