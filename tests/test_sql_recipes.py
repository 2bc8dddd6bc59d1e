"""The SQL cookbook on a small synthetic release: headers, exact outputs, binding, errors, CLI.

The synthetic release (tests/test_sql_synthetic.py) has three cables, two dialogues, six
meetings, ten participants and eight requests; every expected row below can be checked by eye
against it.  The same recipe files are also run by the plain duckdb CLI when one is on PATH
(`pip install duckdb-cli`), and by Python's duckdb with nothing but the file text, from inside
the release folder, to prove the documented CLI conventions.
"""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
import subprocess

import duckdb
import pytest
from click.testing import CliRunner
from engagements.schema import registry
from test_sql_synthetic import build_release

from engagements import sql as cookbook
from engagements.cli_sql import sql as sql_group
from engagements.errors import RecipeError
from engagements.recipes import run, run_arrow, to_csv

REQUIRED = {"evidence": {"record_id": "dlg-per-usa-bwg"}, "search_paragraphs": {"query": "helicopters"}}
SQL_KEYWORDS = ("SELECT", "FROM", "WHERE", "WITH", "JOIN", "GROUP BY", "ORDER BY", "AS", "AND", "OR", "CASE", "WHEN", "THEN", "END", "UNION")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return build_release(tmp_path_factory.mktemp("sql") / "v0.0.0-synthetic")


def csv_of(name, release, params=None) -> str:
    return to_csv(run(name, release, params or {}))


# ---------------------------------------------------------------------------------------------
# The cookbook itself


def test_the_cookbook_has_the_recipes_the_issue_asks_for():
    assert cookbook.names() == [
        "dialogue_timeline", "evidence", "meetings_by_level", "request_classification",
        "requests_by_item", "search_paragraphs", "who_met_whom",
    ]


@pytest.mark.parametrize("recipe", cookbook.recipes(), ids=lambda r: r.name)
def test_header_declares_what_the_sql_uses(recipe):
    text = recipe.text
    assert recipe.question.endswith("?") or "?" in recipe.question
    assert recipe.returns and recipe.examples
    # tables: exactly the Parquet files the SQL reads, each one a registry table
    read = re.findall(r"'/([a-z_]+)\.parquet'", text)
    assert sorted(set(read)) == sorted(recipe.tables)
    assert set(recipe.tables) <= set(registry.BY_NAME)
    for table in read:
        assert f"read_parquet(coalesce(getvariable('data'), '.') || '/{table}.parquet')" in text
    # params: every getvariable() is a declared parameter (or the data folder) and vice versa
    used = set(re.findall(r"getvariable\('([a-z_0-9]+)'\)", text)) - {"data"}
    assert used == {p.name for p in recipe.params}
    for p in recipe.params:
        if p.required:
            assert re.search(rf"coalesce\(\s*getvariable\('{p.name}'\),\s*error\(", text), p.name
        elif p.default is None:
            assert f"getvariable('{p.name}')::{p.type}" in text, p.name
        else:
            assert f"coalesce(getvariable('{p.name}'), {p.default})::{p.type}" in text, p.name


@pytest.mark.parametrize("recipe", cookbook.recipes(), ids=lambda r: r.name)
def test_sql_style_lowercase_ctes_ending_in_final(recipe):
    body = "\n".join(line for line in recipe.text.splitlines() if not line.lstrip().startswith("--"))
    code = re.sub(r"'(?:[^']|'')*'", "''", body)  # string literals may hold capitals
    for keyword in SQL_KEYWORDS:
        assert not re.search(rf"\b{keyword}\b", code), f"{recipe.name}: uppercase {keyword}"
    assert body.strip().startswith("with")
    assert body.rstrip().endswith("select * from final")
    assert ";" not in code, "one statement per recipe"
    assert re.search(r"^final as \($", body, re.MULTILINE)


def test_header_parsing_rejects_bad_headers():
    with pytest.raises(RecipeError, match="no '-- question:'"):
        cookbook.parse("x", "-- tables: requests\nselect 1")
    with pytest.raises(RecipeError, match="types are"):
        cookbook.parse("x", "-- question: q?\n-- tables: requests\n-- param: n int 1 a number\nselect 1")
    with pytest.raises(RecipeError, match="bad parameter name"):
        cookbook.parse("x", "-- question: q?\n-- tables: requests\n-- param: data varchar null the folder\nselect 1")
    r = cookbook.parse("x", "-- question: q?\n--   continued\n-- tables: a, b\n-- param: top integer 20  How many.\nwith final as (select 1) select * from final")
    assert (r.question, r.tables, r.params[0].default, r.params[0].required) == ("q? continued", ("a", "b"), "20", False)


def test_recipe_text_loads_as_package_data():
    path = cookbook.path("evidence")
    assert path.name == "evidence.sql"
    assert path.read_text(encoding="utf-8") == cookbook.recipe("evidence").text


# ---------------------------------------------------------------------------------------------
# Exact outputs on the synthetic release


def test_requests_by_item(release):
    assert csv_of("requests_by_item", release) == """\
item,requester_country_code,year,requests,cables,addressees,requested,approved,pending,denied,delivered,status_unknown,dated_by_cable
diplomatic_action,PER,2009,1,1,USA,0,0,0,0,0,1,0
helicopters,COL,2010,1,1,USA,1,0,0,0,0,0,0
helicopters,PER,2009,1,1,USA,1,0,0,0,0,0,0
intelligence_sharing,PER,2009,1,1,USA,1,0,0,0,0,0,0
legal_cooperation,COL,2010,1,1,USA,0,0,1,0,0,0,1
night_vision_devices,PER,2009,1,1,USA,1,0,0,0,0,0,0
technical_assistance,PER,2009,1,1,USA,0,1,0,0,0,0,0
training,PER,2009,1,1,USA,1,0,0,0,0,0,0
"""
    assert csv_of("requests_by_item", release, {"item": "helicopters", "year_from": 2010}).splitlines()[1:] == [
        "helicopters,COL,2010,1,1,USA,1,0,0,0,0,0,0",
    ]
    assert len(run("requests_by_item", release, {"requester_country": "PER", "year_to": 2009}).rows) == 6
    assert run("requests_by_item", release, {"year_from": 2011}).rows == []


def test_dialogue_timeline(release):
    assert csv_of("dialogue_timeline", release) == """\
dialogue_id,dialogue_name,session_number,date_edtf,date_start,status,city,venue_country,side_a,side_a_chair,side_a_level,side_b,side_b_chair,side_b_level,level_gap,days_since_previous,cable_id,meeting_id
dlg-col-usa-hlpd,High Level Partnership Dialogue,1,2009,2009-01-01,held,Washington,USA,USA,,,COL,,,,,10BOGOTA123,mtg-10BOGOTA123-0000000001
dlg-col-usa-hlpd,High Level Partnership Dialogue,2,2010-02-10,2010-02-10,held,Bogota,COL,USA,Jane Roe,deputy_minister,COL,Juan Perez,minister,1,405,10BOGOTA123,mtg-10BOGOTA123-0000000002
dlg-per-usa-bwg,Bilateral Working Group,1,2007-05,2007-05-01,held,Washington,USA,USA,,,PER,,,,,09LIMA1661,mtg-09LIMA1661-0000000001
dlg-per-usa-bwg,Bilateral Working Group,2,2009-06-17/2009-06-20,2009-06-17,held,Lima,PER,USA,Deputy Assistant Secretary of Defense,deputy_assistant_secretary,PER,Minister of Defense,minister,3,778,09LIMA1661,mtg-09LIMA1661-0000000002
dlg-per-usa-bwg,Bilateral Working Group,3,2010-06~,2010-05-01,planned,Washington,USA,USA,,,PER,,,,318,09LIMA1661,mtg-09LIMA1661-0000000003
"""
    assert [r[0] for r in run("dialogue_timeline", release, {"country": "COL"}).rows] == ["dlg-col-usa-hlpd"] * 2
    assert len(run("dialogue_timeline", release, {"dialogue_id": "dlg-per-usa-bwg"}).rows) == 3


def test_meetings_by_level(release):
    assert csv_of("meetings_by_level", release) == """\
country_a,country_b,level_a,level_b,meetings,held,dialogue_sessions,first_date,last_date
COL,USA,minister,deputy_minister,1,1,1,2010-02-10,2010-02-10
PER,USA,minister,deputy_assistant_secretary,1,1,1,2009-06-17,2009-06-17
PER,USA,minister,deputy_minister,1,1,0,2009-09-25,2009-09-25
"""
    assert run("meetings_by_level", release, {"status": "planned"}).rows == []  # the planned BWG lists no one
    assert len(run("meetings_by_level", release, {"country": "COL", "status": "held"}).rows) == 1


def test_who_met_whom(release):
    assert csv_of("who_met_whom", release) == """\
source,source_country,target,target_country,weight,first_date,last_date,meeting_ids
Ana Diaz,COL,Jane Roe,USA,1,2010-02-10,2010-02-10,mtg-10BOGOTA123-0000000002
Juan Perez,COL,Jane Roe,USA,1,2010-02-10,2010-02-10,mtg-10BOGOTA123-0000000002
Jose Antonio Garcia Belaunde,PER,Christopher J. McMullen,USA,1,2009-09-25,2009-09-25,mtg-09STATE103113-0000000001
Jose Antonio Garcia Belaunde,PER,William J. Burns,USA,1,2009-09-25,2009-09-25,mtg-09STATE103113-0000000001
Luis Valdivieso,PER,Christopher J. McMullen,USA,1,2009-09-25,2009-09-25,mtg-09STATE103113-0000000001
Luis Valdivieso,PER,William J. Burns,USA,1,2009-09-25,2009-09-25,mtg-09STATE103113-0000000001
Minister of Defense,PER,Deputy Assistant Secretary of Defense,USA,1,2009-06-17,2009-06-17,mtg-09LIMA1661-0000000002
"""
    same = run("who_met_whom", release, {"country": "COL", "same_country": "true"})
    assert [(r[0], r[2]) for r in same.rows] == [("Ana Diaz", "Juan Perez"), ("Ana Diaz", "Jane Roe"), ("Juan Perez", "Jane Roe")]
    assert run("who_met_whom", release, {"min_meetings": 2}).rows == []
    # the notetaker is never a node
    assert not any("Mangiaracina" in cell for r in same.rows + run("who_met_whom", release).rows for cell in r if isinstance(cell, str))


def test_request_classification(release):
    assert csv_of("request_classification", release) == """\
item,marking,paragraphs,requests,cables,share_of_item,usual_cable_classification
diplomatic_action,S,1,1,1,1,SECRET
helicopters,C,2,2,2,1,CONFIDENTIAL
intelligence_sharing,C,2,1,1,1,SECRET
legal_cooperation,C,1,1,1,1,CONFIDENTIAL
night_vision_devices,C,1,1,1,1,SECRET
technical_assistance,C,1,1,1,1,CONFIDENTIAL
training,C,2,1,1,1,SECRET
"""
    assert csv_of("request_classification", release, {"requester_country": "COL"}).splitlines()[1:] == [
        "helicopters,C,1,1,1,1,CONFIDENTIAL",
        "legal_cooperation,C,1,1,1,1,CONFIDENTIAL",
    ]


def test_evidence_for_a_dialogue_lists_every_mentioning_cable(release):
    result = run("evidence", release, {"record_id": "dlg-per-usa-bwg"})
    rows = result.as_dicts()
    assert [(r["cable_id"], r["paragraph_number"], r["is_quote_paragraph"], r["quote_found"]) for r in rows] == [
        ("09LIMA1661", 2, True, True), ("09LIMA1661", 3, False, None), ("09LIMA1661", 4, False, None),
        ("09LIMA1661", 5, False, None), ("10BOGOTA123", 3, True, True),
    ]
    assert rows[0]["paragraph_text"].startswith("The U.S. and Peru have a formal dialogue mechanism")
    assert rows[4]["quote"] == "The BWG with Peru" and rows[4]["marking"] is None


def test_evidence_for_a_request_and_a_participant(release):
    assert csv_of("evidence", release, {"record_id": "req-09STATE103113-0000000003"}) == """\
record_id,record_table,cable_id,cable_subject,cable_sent_utc,source_path,paragraph_number,marking,is_quote_paragraph,quote,quote_found,method,confidence,paragraph_text
req-09STATE103113-0000000003,requests,09STATE103113,U/S BURNS'S MEETING WITH PERUVIAN FM GARCIA BELAUNDE,2009-09-29T14:05:00,pre/09STATE103113.txt,4,C,false,increased intelligence sharing,,requests:asked-for,0.9,"Highlighting concerns of collaboration between narcotraffickers and mercenary remnants of the Shining Path (SP) Movement, Garcia Belaunde raised the need for more equipment, training, and greater intelligence sharing."
req-09STATE103113-0000000003,requests,09STATE103113,U/S BURNS'S MEETING WITH PERUVIAN FM GARCIA BELAUNDE,2009-09-29T14:05:00,pre/09STATE103113.txt,5,C,true,increased intelligence sharing,true,requests:asked-for,0.9,"Garcia Belaunde specifically requested helicopters and night vision goggles, as well as increased intelligence sharing and security training."
"""
    (row,) = run("evidence", release, {"record_id": "par-09STATE103113-0000000041"}).as_dicts()
    assert (row["record_table"], row["quote"], row["quote_found"]) == ("meeting_participants", "U/S Willian J. Burns", True)
    assert run("evidence", release, {"record_id": "req-nope"}).rows == []


def test_search_ranks_by_bm25(release):
    assert csv_of("search_paragraphs", release, {"query": "BWG in Washington", "top": 3}) == """\
rank,score,cable_id,paragraph_number,marking,matched_terms,cable_subject,cable_date,snippet
1,3.0374,09LIMA1661,4,SBU,bwg washington,PERU: INFORMATION ON SECURITY DIALOGUE,2009-11-20,The second (last) BWG met 17-20 June 2009 in Lima. The next BWG is expected to take place in Washington DC around the same month in 2010.
2,2.6551,09LIMA1661,3,SBU,bwg washington,PERU: INFORMATION ON SECURITY DIALOGUE,2009-11-20,The USG and the GOP held their first BWG of a pol/mil to pol/mil nature in May of 2007 Washington DC. The BWG dialogue mechanism was established and is regulated through an informal understanding.
3,1.8064,10BOGOTA123,4,C/NF,washington,COLOMBIA: SECOND HIGH LEVEL PARTNERSHIP DIALOGUE,2010-02-12,Vice Minister Ana Diaz noted that the first HLPD session was held in Washington in 2009.
"""


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def _bm25(paragraphs, query, k1=1.2, b=0.75, stop=("the", "and", "of", "in")):
    """A plain-Python reference of the recipe's ranking: S-stemmed words, character lengths."""
    terms = {_stem(w) for w in re.findall(r"[a-z0-9]+", query.lower()) if w not in stop}
    docs = {key: [_stem(w) for w in re.findall(r"[a-z0-9]+", text.lower())] for key, text in paragraphs.items()}
    avg = sum(len(t) for t in paragraphs.values()) / len(paragraphs)
    df = {t: sum(t in words for words in docs.values()) for t in terms}
    scores = {}
    for key, words in docs.items():
        score = 0.0
        for t in terms:
            tf = words.count(t)
            if tf:
                idf = math.log(1 + (len(docs) - df[t] + 0.5) / (df[t] + 0.5))
                score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(paragraphs[key]) / avg))
        if score:
            scores[key] = round(score, 4)
    return scores


@pytest.mark.parametrize("query,k1,b", [
    ("helicopters and night vision goggles", 1.2, 0.75),
    ("Security training, intelligence sharing", 1.2, 0.75),
    ("BWG Washington Lima", 2.0, 0.0),
    ("the first session of the dialogue", 0.9, 1.0),
])
def test_search_scores_match_a_python_reference(release, query, k1, b):
    from test_sql_synthetic import CABLES

    paragraphs = {(c, n): text for c, (*_, paras) in CABLES.items() for n, _m, text in paras}
    expected = _bm25(paragraphs, query, k1, b)
    got = run("search_paragraphs", release, {"query": query, "top": 100, "k1": k1, "b": b}).as_dicts()
    assert {(r["cable_id"], r["paragraph_number"]): r["score"] for r in got} == expected
    assert [r["rank"] for r in got] == list(range(1, len(got) + 1))
    assert [r["score"] for r in got] == sorted((r["score"] for r in got), reverse=True)


def test_search_folds_plurals_and_ignores_stop_words(release):
    one = run("search_paragraphs", release, {"query": "helicopter"}).rows
    assert [r[2:4] for r in one] == [r[2:4] for r in run("search_paragraphs", release, {"query": "HELICOPTERS"}).rows]
    assert {r[5] for r in one} == {"helicopter"}
    assert run("search_paragraphs", release, {"query": "the of and"}).rows == []
    assert run("search_paragraphs", release, {"query": "zanzibar"}).rows == []
    # regular-expression characters in the query are only separators
    assert len(run("search_paragraphs", release, {"query": "helicopter.*|(("}).rows) == 2


# ---------------------------------------------------------------------------------------------
# Binding and errors


def test_values_are_bound_not_pasted(release):
    hostile = "x') or 1=1 --"
    assert run("requests_by_item", release, {"item": hostile}).rows == []
    assert run("evidence", release, {"record_id": "' union select 1 --"}).rows == []
    assert run("search_paragraphs", release, {"query": "'); drop table paragraphs; --"}).rows == []


def test_arrow_output_keeps_types(release):
    table = run_arrow("dialogue_timeline", release, {"country": "PER"})
    assert table.num_rows == 3
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert table.column("level_gap").to_pylist() == [None, 3, None]


@pytest.mark.parametrize("name,params,data,message", [
    ("no_such_recipe", {}, None, "no recipe named 'no_such_recipe'"),
    ("evidnce", {}, None, "Did you mean evidence"),
    ("evidence", {}, None, "needs 'record_id'"),
    ("evidence", {"record_id": None}, None, "needs 'record_id'"),
    ("requests_by_item", {"itme": "x"}, None, "has no parameter 'itme'; its parameters: item"),
    ("requests_by_item", {"year_from": "last year"}, None, "must be an integer, got 'last year'"),
    ("who_met_whom", {"same_country": "maybe"}, None, "must be a boolean"),
    ("requests_by_item", {}, "missing", "does not exist"),
])
def test_errors_are_recipe_errors_with_clear_messages(release, tmp_path, name, params, data, message):
    folder = tmp_path / "nowhere" if data == "missing" else release
    with pytest.raises(RecipeError, match=re.escape(message)):
        run(name, folder, params)


def test_a_missing_table_file_is_named(tmp_path):
    partial = build_release(tmp_path / "partial", skip=("meeting_participants",))
    with pytest.raises(RecipeError, match=r"reads meeting_participants\.parquet, which is not in .*partial"):
        run("who_met_whom", partial)
    assert run("requests_by_item", partial).rows  # recipes that do not read it still run


def test_a_folder_with_a_datapackage_pointing_into_a_subfolder(tmp_path, release):
    import json

    build_release(tmp_path / "pkg" / "data")
    (tmp_path / "pkg" / "datapackage.json").write_text(json.dumps({"resources": [
        {"name": t.name, "path": f"data/{t.name}.parquet"} for t in registry.TABLES
    ]}))
    assert run("requests_by_item", tmp_path / "pkg").rows == run("requests_by_item", release).rows


def test_each_run_starts_from_the_recipe_defaults(release):
    assert len(run("search_paragraphs", release, {"query": "the", "top": 1}).rows) == 0
    assert len(run("search_paragraphs", release, {"query": "washington", "top": 1}).rows) == 1
    assert len(run("search_paragraphs", release, {"query": "washington"}).rows) == 3  # top back to 20


# ---------------------------------------------------------------------------------------------
# The same file text outside engagements.recipes: Python's duckdb and the duckdb CLI


def _params_sql(params: dict) -> list[str]:
    out = []
    for k, v in params.items():
        literal = f"'{v}'" if isinstance(v, str) else str(v).lower() if isinstance(v, bool) else str(v)
        out.append(f"set variable {k} = {literal}")
    return out


CLI_CASES = [(r.name, REQUIRED.get(r.name, {})) for r in cookbook.recipes()] + [
    ("requests_by_item", {"item": "helicopters"}),
    ("who_met_whom", {"country": "COL", "same_country": True}),
    ("search_paragraphs", {"query": "BWG Washington", "top": 2}),
]


@pytest.mark.parametrize("name,params", CLI_CASES)
def test_plain_python_duckdb_runs_the_file_from_inside_the_release(release, monkeypatch, name, params):
    """What `cd release && duckdb -c ".read recipe.sql"` does, through Python's duckdb."""
    monkeypatch.chdir(release)
    con = duckdb.connect()
    for statement in _params_sql(params):
        con.execute(statement)
    rows = con.execute(cookbook.recipe(name).text).fetchall()
    assert rows == run(name, release, params).rows


def _normalise(cell: str) -> str:
    try:
        return repr(round(float(cell), 6))
    except ValueError:
        return cell.replace("T", " ") if re.match(r"^\d{4}-\d\d-\d\dT\d\d:", cell) else cell


DUCKDB_CLI = shutil.which("duckdb")


@pytest.mark.skipif(DUCKDB_CLI is None, reason="no duckdb CLI on PATH (pip install duckdb-cli gives one)")
@pytest.mark.parametrize("from_inside", [True, False], ids=["cwd-is-release", "set-variable-data"])
@pytest.mark.parametrize("name,params", CLI_CASES)
def test_the_duckdb_cli_gives_the_same_rows(release, tmp_path, name, params, from_inside):
    path = str(cookbook.path(name))
    args = [DUCKDB_CLI, "-csv", "-nullvalue", ""]
    statements = _params_sql(params) + ([] if from_inside else [f"set variable data = '{release}'"])
    for statement in statements:
        args += ["-c", statement]
    args += ["-c", f".read {path}"]
    done = subprocess.run(args, cwd=release if from_inside else tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    cli_rows = list(csv.reader(io.StringIO(done.stdout)))
    ours = list(csv.reader(io.StringIO(csv_of(name, release, params))))
    assert [[_normalise(c) for c in r] for r in cli_rows] == [[_normalise(c) for c in r] for r in ours]


@pytest.mark.skipif(DUCKDB_CLI is None, reason="no duckdb CLI on PATH (pip install duckdb-cli gives one)")
def test_the_duckdb_cli_says_which_parameter_is_missing(release):
    done = subprocess.run([DUCKDB_CLI, "-c", f".read {cookbook.path('evidence')}"], cwd=release, capture_output=True, text=True, timeout=60, check=False)
    assert "parameter record_id is required" in done.stdout + done.stderr


# ---------------------------------------------------------------------------------------------
# `engagements sql`


def test_cli_list_shows_every_recipe_and_its_question():
    result = CliRunner().invoke(sql_group, ["list"])
    assert result.exit_code == 0, result.output
    for recipe in cookbook.recipes():
        assert recipe.name in result.output
        assert recipe.question[:60] in result.output.replace("\n  ", " ")
    assert "--param query=<varchar>  (default required)" in result.output


def test_cli_list_json():
    import json

    result = CliRunner().invoke(sql_group, ["list", "--json"])
    listing = json.loads(result.output)
    assert [r["name"] for r in listing] == cookbook.names()
    assert listing[-1]["params"][1] == {"name": "min_meetings", "type": "integer", "default": "1", "description": "Only edges between people who met at least this many times."}


def test_cli_run_formats(release):
    runner = CliRunner()
    args = ["run", "requests_by_item", "--data", str(release), "--param", "item=helicopters"]
    table = runner.invoke(sql_group, args)
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["item", "requester_country_code", "year", "requests", "cables", "addressees",
                                                    "requested", "approved", "pending", "denied", "delivered", "status_unknown", "dated_by_cable"]
    assert table.output.rstrip().endswith("(2 rows)")
    csv_out = runner.invoke(sql_group, args + ["--format", "csv"])
    assert csv_out.output == csv_of("requests_by_item", release, {"item": "helicopters"})
    import json

    as_json = json.loads(runner.invoke(sql_group, args + ["--format", "json"]).output)
    assert as_json[0] == {"item": "helicopters", "requester_country_code": "COL", "year": 2010, "requests": 1, "cables": 1, "addressees": "USA",
                          "requested": 1, "approved": 0, "pending": 0, "denied": 0, "delivered": 0, "status_unknown": 0, "dated_by_cable": 0}


def test_cli_run_errors_exit_2_with_the_reason(release):
    runner = CliRunner()
    bad = runner.invoke(sql_group, ["run", "evidence", "--data", str(release)])
    assert bad.exit_code == 2 and "needs 'record_id'" in bad.output
    malformed = runner.invoke(sql_group, ["run", "evidence", "--data", str(release), "--param", "record_id"])
    assert malformed.exit_code == 2 and "is not NAME=VALUE" in malformed.output


def test_cli_show_prints_the_sql():
    result = CliRunner().invoke(sql_group, ["show", "who_met_whom"])
    assert result.output == cookbook.recipe("who_met_whom").text
    assert CliRunner().invoke(sql_group, ["show", "who_met_whom", "--path"]).output.strip().endswith("who_met_whom.sql")


def test_cli_run_columns_selects_and_orders(release):
    runner = CliRunner()
    args = ["run", "dialogue_timeline", "--data", str(release), "--format", "csv", "--columns", "session_number,dialogue_id,level_gap"]
    result = runner.invoke(sql_group, args)
    assert result.output.splitlines() == [
        "session_number,dialogue_id,level_gap", "1,dlg-col-usa-hlpd,", "2,dlg-col-usa-hlpd,1",
        "1,dlg-per-usa-bwg,", "2,dlg-per-usa-bwg,3", "3,dlg-per-usa-bwg,",
    ]
    bad = runner.invoke(sql_group, args[:-1] + ["nope"])
    assert bad.exit_code == 2 and "has no column 'nope'; its columns: dialogue_id" in bad.output


def test_every_recipe_runs_on_an_empty_release(tmp_path):
    from engagements import parquet

    for t in registry.TABLES:
        parquet.write_table(t, parquet.to_arrow(t, []), tmp_path / f"{t.name}.parquet")
    for recipe in cookbook.recipes():
        result = run(recipe.name, tmp_path, REQUIRED.get(recipe.name, {}))
        assert result.rows == [], recipe.name
        assert result.columns


def test_level_ranks_agree_across_recipes_and_follow_the_vocabulary():
    from engagements.schema.vocab import Level

    ranks = {}
    for name in ("dialogue_timeline", "meetings_by_level"):
        block = re.search(r"level_ranks as \(.*?\) as t\(level, level_rank\)", cookbook.recipe(name).text, re.DOTALL).group(0)
        ranks[name] = re.findall(r"\('([a-z_]+)', (\d+)\)", block)
    assert ranks["dialogue_timeline"] == ranks["meetings_by_level"]
    order = [lv.value for lv in Level]
    ranked = [level for level, _ in ranks["dialogue_timeline"]]
    assert ranked == sorted(ranked, key=order.index)  # the scale keeps the vocabulary's order
    assert [int(r) for _, r in ranks["dialogue_timeline"]] == list(range(1, len(ranked) + 1))
    assert set(order) - set(ranked) == {"military_commander", "legislator", "other"}  # documented as unranked


def test_docs_list_every_recipe_with_its_question():
    from conftest import ROOT

    doc = (ROOT / "docs" / "SQL.md").read_text(encoding="utf-8")
    for recipe in cookbook.recipes():
        assert f"| `{recipe.name}` | {recipe.question} |" in doc, f"docs/SQL.md: update the row of {recipe.name}"
