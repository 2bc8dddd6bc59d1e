-- question: What is the evidence behind a record: which cable, which paragraphs, which exact words?
-- tables: requests, meetings, meeting_participants, dialogue_mentions, paragraphs, cables
-- param: record_id varchar required  The id of a request (req-...), meeting (mtg-...), participant (par-...) or dialogue (dlg-...).
-- returns: one row per cable and paragraph the record rests on (a dialogue has one cable per
--   mention): the cable's subject, when it was sent (UTC: the date-time group, else the page's
--   Created field) and its source file, the paragraph's marking and text, whether it is the
--   quote's paragraph, the quote, whether the quote is found verbatim in that paragraph
--   (quote_found), and the extraction method and confidence.
-- example: engagements sql run evidence --data datasets/v0.1.0 --param record_id=dlg-per-usa-bwg
-- example: duckdb -c "set variable data = 'datasets/v0.1.0'" -c "set variable record_id = 'dlg-per-usa-bwg'" -c ".read sql/evidence.sql"

with

params as (
    select
        coalesce(
            getvariable('record_id'),
            error('parameter record_id is required: set variable record_id = ''req-...'' (or mtg-, par-, dlg-)')
        )::varchar as record_id
),

requests as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/requests.parquet')
),

meetings as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/meetings.parquet')
),

meeting_participants as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/meeting_participants.parquet')
),

dialogue_mentions as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/dialogue_mentions.parquet')
),

paragraphs as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/paragraphs.parquet')
),

cables as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/cables.parquet')
),

records as (
    select request_id as record_id, 'requests' as record_table, cable_id, paragraph_numbers, quote_paragraph, quote, method, confidence
    from requests
    union all
    select meeting_id, 'meetings', cable_id, paragraph_numbers, quote_paragraph, quote, method, confidence
    from meetings
    union all
    select participant_id, 'meeting_participants', cable_id, paragraph_numbers, quote_paragraph, quote, method, confidence
    from meeting_participants
    union all
    select dialogue_id, 'dialogue_mentions', cable_id, paragraph_numbers, quote_paragraph, quote, method, confidence
    from dialogue_mentions
),

selected as (
    select records.*
    from records
    cross join params
    where records.record_id = params.record_id
),

cited_paragraphs as (
    -- the paragraphs the record lists, plus the quote's paragraph should it not be among them
    select distinct
        selected.*,
        unnest(list_distinct(list_append(selected.paragraph_numbers, selected.quote_paragraph))) as paragraph_number
    from selected
),

final as (
    select
        cited_paragraphs.record_id,
        cited_paragraphs.record_table,
        cited_paragraphs.cable_id,
        cables.subject as cable_subject,
        coalesce(cables.sent_datetime, cables.created_datetime) at time zone 'UTC' as cable_sent_utc,
        cables.source_path,
        cited_paragraphs.paragraph_number,
        paragraphs.marking,
        cited_paragraphs.paragraph_number = cited_paragraphs.quote_paragraph as is_quote_paragraph,
        cited_paragraphs.quote,
        case
            when cited_paragraphs.paragraph_number = cited_paragraphs.quote_paragraph
                then coalesce(strpos(paragraphs.text, cited_paragraphs.quote) > 0, false)
        end as quote_found,
        cited_paragraphs.method,
        cited_paragraphs.confidence,
        paragraphs.text as paragraph_text
    from cited_paragraphs
    left join paragraphs using (cable_id, paragraph_number)
    left join cables using (cable_id)
    order by cited_paragraphs.cable_id, cited_paragraphs.paragraph_number
)

select * from final
