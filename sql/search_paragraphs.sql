-- question: Which paragraphs best match some words? Full-text search ranked by BM25, offline, no extension.
-- tables: paragraphs, cables
-- param: query varchar required  Words to look for, e.g. 'night vision helicopters'; any word may match, more matches rank higher.
-- param: top integer 20  How many paragraphs to return.
-- param: k1 double 1.2  BM25 term-frequency saturation.
-- param: b double 0.75  BM25 length normalisation (0 = none, 1 = full).
-- returns: the top paragraphs by BM25 score (ties by cable and paragraph): rank, score, the cable,
--   paragraph number and marking, the stemmed query terms it matched, the cable's subject and
--   date, and a snippet of about 240 characters around the first match (white space folded). Words are runs of
--   letters and digits, lowercased; English stop words are dropped from the query; plurals are
--   folded by the S-stemmer (helicopters = helicopter, policies = policy). Pure SQL: the same
--   ranking in the duckdb CLI and Python, with or without the fts extension.
-- example: engagements sql run search_paragraphs --data datasets/v0.1.0 --param query="night vision goggles" --param top=5
-- example: duckdb -c "set variable data = 'datasets/v0.1.0'" -c "set variable query = 'helicopters'" -c ".read sql/search_paragraphs.sql"

with

params as (
    select
        coalesce(
            getvariable('query'),
            error('parameter query is required: set variable query = ''words to find''')
        )::varchar as query,
        coalesce(getvariable('top'), 20)::integer as top,
        coalesce(getvariable('k1'), 1.2)::double as k1,
        coalesce(getvariable('b'), 0.75)::double as b
),

paragraphs as not materialized (
    -- read twice on purpose: corpus_stats reads only the offsets, matches the text
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/paragraphs.parquet')
),

cables as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/cables.parquet')
),

corpus_stats as (
    -- paragraph length is counted in characters, from the paragraph's span in the cable body
    -- (char_end - char_start): BM25 only uses the ratio of a paragraph's length to the
    -- average, and the offsets cost a fraction of reading, let alone tokenising, every text
    select count(*) as paragraph_count, avg(char_end - char_start) as average_length
    from paragraphs
),

matches as (
    -- one pass over the text: every word that starts with the root of a query word (the word
    -- less a final ies/es/s/e/y, so 'policy' also finds 'policies'); English stop words are
    -- dropped from the query here. The pattern is built from getvariable() in place, so DuckDB
    -- folds it to a constant and compiles the regular expression once.
    select
        cable_id,
        paragraph_number,
        marking,
        text,
        char_end - char_start as length,
        regexp_extract_all(
            text,
            '(?i)(?:^|[^a-z0-9])((?:'
            || coalesce(nullif(array_to_string(list_distinct(list_transform(
                list_filter(
                    regexp_extract_all(lower(getvariable('query')), '[a-z0-9]+'),
                    lambda w: not list_contains([
                        'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at',
                        'be', 'been', 'but', 'by', 'can', 'could', 'did', 'do', 'for', 'from', 'had',
                        'has', 'have', 'he', 'her', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
                        'its', 'may', 'more', 'no', 'not', 'of', 'on', 'or', 'other', 'our', 'over',
                        's', 'said', 'she', 'should', 'so', 'some', 'such', 'than', 'that', 'the',
                        'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to',
                        'under', 'up', 'was', 'we', 'were', 'what', 'when', 'which', 'who', 'will',
                        'with', 'would', 'you'
                    ], w)
                ),
                lambda w: case when length(w) > 3 then regexp_replace(w, '(ies|es|s|e|y)$', '') else w end
            )), '|'), ''), '[^\s\S]')
            || ')[a-z0-9]*)',
            1
        ) as hits
    from paragraphs
),

candidates as materialized (
    -- materialized: two steps below read it, and the text must be searched only once
    select * from matches where len(hits) > 0
),

words as (
    select 'query' as source, null::varchar as cable_id, null::bigint as paragraph_number, word
    from params, unnest(regexp_extract_all(lower(params.query), '[a-z0-9]+')) as t(word)
    union all
    select 'paragraph', cable_id, paragraph_number, lower(unnest(hits))
    from candidates
),

terms as (
    -- the S-stemmer (Harman 1991): ies -> y, es -> e, s -> '' (not after u or s)
    select
        source,
        cable_id,
        paragraph_number,
        case
            when length(word) > 3 and word like '%ies' and word not like '%eies' and word not like '%aies'
                then substr(word, 1, length(word) - 3) || 'y'
            when length(word) > 3 and word like '%es' and word not like '%aes' and word not like '%ees' and word not like '%oes'
                then substr(word, 1, length(word) - 1)
            when length(word) > 3 and word like '%s' and word not like '%us' and word not like '%ss'
                then substr(word, 1, length(word) - 1)
            else word
        end as term
    from words
),

query_terms as (
    select distinct term from terms where source = 'query'
),

term_frequencies as (
    select terms.cable_id, terms.paragraph_number, terms.term, count(*) as frequency
    from terms
    join query_terms using (term)
    where terms.source = 'paragraph'
    group by terms.cable_id, terms.paragraph_number, terms.term
),

document_frequencies as (
    select term, count(*) as paragraphs
    from term_frequencies
    group by term
),

scored as (
    select
        term_frequencies.cable_id,
        term_frequencies.paragraph_number,
        sum(
            ln(1 + (corpus_stats.paragraph_count - document_frequencies.paragraphs + 0.5) / (document_frequencies.paragraphs + 0.5))
            * term_frequencies.frequency * (params.k1 + 1)
            / (term_frequencies.frequency + params.k1 * (1 - params.b + params.b * candidates.length / corpus_stats.average_length))
        ) as score,
        list_sort(list(term_frequencies.term)) as matched_terms
    from term_frequencies
    join document_frequencies using (term)
    join candidates using (cable_id, paragraph_number)
    cross join corpus_stats
    cross join params
    group by term_frequencies.cable_id, term_frequencies.paragraph_number
),

ranked as (
    select
        row_number() over (order by score desc, cable_id, paragraph_number) as rank,
        *
    from scored
    qualify rank <= (select top from params)
),

snippets as (
    -- only the top paragraphs' text is read again: where the first matched word starts
    select
        ranked.*,
        candidates.marking,
        candidates.text,
        coalesce(list_min(list_transform(
            ranked.matched_terms, lambda term: nullif(strpos(lower(candidates.text), term), 0)
        )), 1) as first_match
    from ranked
    join candidates using (cable_id, paragraph_number)
),

final as (
    select
        snippets.rank,
        round(snippets.score, 4) as score,
        snippets.cable_id,
        snippets.paragraph_number,
        snippets.marking,
        array_to_string(snippets.matched_terms, ' ') as matched_terms,
        cables.subject as cable_subject,
        (cables.created_datetime at time zone 'UTC')::date as cable_date,
        case when snippets.first_match > 81 then '…' else '' end
            || trim(regexp_replace(substr(snippets.text, greatest(1, snippets.first_match - 80), 240), '\s+', ' ', 'g'))
            || case when greatest(1, snippets.first_match - 80) + 240 <= length(snippets.text) then '…' else '' end
            as snippet
    from snippets
    left join cables using (cable_id)
    order by snippets.rank
)

select * from final
