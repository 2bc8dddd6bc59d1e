-- question: How many meetings did each pair of countries hold, at which level on each side?
-- tables: meetings, meeting_participants
-- param: country varchar null  Only pairs that include this party (alpha-3, e.g. PER); null for all.
-- param: status varchar null  Only meetings with this status (held, planned, proposed, cancelled); null for all.
-- returns: one row per country pair (country_a < country_b, from the participants' countries;
--   a meeting of three parties counts once for each of its pairs) and the level of each side's
--   highest-ranked participant (notetakers left out): meetings, how many were held, dialogue
--   sessions among them, and the first and last start dates. level_rank as in
--   dialogue_timeline (1 head_of_state ... 8 working_level); an unranked level
--   (military_commander, legislator, other) counts only where the side has no ranked one.
-- example: engagements sql run meetings_by_level --data datasets/v0.1.0 --param country=PER --param status=held

with

params as (
    select
        getvariable('country')::varchar as country,
        getvariable('status')::varchar as status
),

meetings as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/meetings.parquet')
),

meeting_participants as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/meeting_participants.parquet')
),

level_ranks as (
    select * from (values
        ('head_of_state', 1), ('minister', 2), ('deputy_minister', 3), ('assistant_secretary', 4),
        ('deputy_assistant_secretary', 5), ('ambassador', 6), ('senior_official', 7), ('working_level', 8)
    ) as t(level, level_rank)
),

selected_meetings as (
    select meetings.*
    from meetings
    cross join params
    where params.status is null or meetings.status = params.status
),

side_levels as (
    -- each side of each meeting with its highest-ranked participant's level
    select
        meeting_participants.meeting_id,
        meeting_participants.country_code,
        arg_min(
            coalesce(meeting_participants.level, 'unknown'),
            [coalesce(level_ranks.level_rank, 99), case when meeting_participants.level is null then 1 else 0 end]
        ) as level
    from meeting_participants
    left join level_ranks using (level)
    where meeting_participants.country_code is not null
      and meeting_participants.role <> 'notetaker'
    group by meeting_participants.meeting_id, meeting_participants.country_code
),

pairs as (
    select
        a.meeting_id,
        a.country_code as country_a,
        b.country_code as country_b,
        a.level as level_a,
        b.level as level_b
    from side_levels as a
    join side_levels as b
        on a.meeting_id = b.meeting_id and a.country_code < b.country_code
),

selected_pairs as (
    select pairs.*, selected_meetings.status, selected_meetings.dialogue_id, selected_meetings.date_start
    from pairs
    join selected_meetings using (meeting_id)
    cross join params
    where params.country is null or params.country in (pairs.country_a, pairs.country_b)
),

final as (
    select
        country_a,
        country_b,
        level_a,
        level_b,
        count(*) as meetings,
        count(*) filter (where status = 'held') as held,
        count(*) filter (where dialogue_id is not null) as dialogue_sessions,
        min(date_start) as first_date,
        max(date_start) as last_date
    from selected_pairs
    group by country_a, country_b, level_a, level_b
    order by country_a, country_b, meetings desc, level_a, level_b
)

select * from final
