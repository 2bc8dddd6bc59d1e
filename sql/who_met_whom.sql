-- question: Who met whom? An edge list of officials of different governments who sat in the same meetings.
-- tables: meetings, meeting_participants
-- param: country varchar null  Only edges with a person of this party at one end (alpha-3, e.g. PER); null for all.
-- param: min_meetings integer 1  Only edges between people who met at least this many times.
-- param: same_country boolean false  Also link people of the same government who attended together.
-- returns: one row per undirected edge (source sorts before target by country, then label), in the
--   Source/Target/Weight shape that Gephi, networkx and igraph read. A person is labelled by name,
--   or by title when the cable gives no name (title-only nodes of the same title and country
--   merge). weight is the number of distinct meetings; notetakers are left out; first_date and
--   last_date are the meetings' start dates; meeting_ids lists them (space-separated).
-- example: engagements sql run who_met_whom --data datasets/v0.1.0 --param country=PER --format csv > edges.csv

with

params as (
    select
        getvariable('country')::varchar as country,
        coalesce(getvariable('min_meetings'), 1)::integer as min_meetings,
        coalesce(getvariable('same_country'), false)::boolean as same_country
),

meetings as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/meetings.parquet')
),

meeting_participants as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/meeting_participants.parquet')
),

people as (
    select distinct
        meeting_id,
        coalesce(name, title) as label,
        coalesce(country_code, 'unknown') as country
    from meeting_participants
    where role <> 'notetaker'
      and coalesce(name, title) is not null
),

pairs as (
    select
        a.meeting_id,
        a.label as source,
        a.country as source_country,
        b.label as target,
        b.country as target_country
    from people as a
    join people as b
        on a.meeting_id = b.meeting_id
        and (a.country, a.label) < (b.country, b.label)
    cross join params
    where (params.same_country or a.country <> b.country)
      and (params.country is null or params.country in (a.country, b.country))
),

edges as (
    select
        pairs.source,
        pairs.source_country,
        pairs.target,
        pairs.target_country,
        count(distinct pairs.meeting_id) as weight,
        min(meetings.date_start) as first_date,
        max(meetings.date_start) as last_date,
        array_to_string(list_sort(list(distinct pairs.meeting_id)), ' ') as meeting_ids
    from pairs
    join meetings using (meeting_id)
    group by pairs.source, pairs.source_country, pairs.target, pairs.target_country
),

final as (
    select edges.*
    from edges
    cross join params
    where edges.weight >= params.min_meetings
    order by weight desc, source_country, source, target_country, target
)

select * from final
