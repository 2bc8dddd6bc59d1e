-- question: When did each dialogue meet, who chaired each side, and how far apart were their levels?
-- tables: dialogues, meetings, meeting_participants
-- param: dialogue_id varchar null  Only this dialogue (e.g. dlg-per-usa-bwg); null for every dialogue.
-- param: country varchar null  Only dialogues this party belongs to (alpha-3, e.g. PER); null for all.
-- returns: one row per dialogue session (a meeting with a dialogue_id), in date order within each
--   dialogue. Side A is the USA where it is a party, else the first party; side B is the other
--   party (parties joined by spaces for multilateral dialogues). Each side's chair is its
--   highest-level lead; level_rank runs 1 head_of_state, 2 minister, 3 deputy_minister,
--   4 assistant_secretary, 5 deputy_assistant_secretary, 6 ambassador, 7 senior_official,
--   8 working_level (military_commander, legislator and other have no rank).
--   level_gap = side_a_rank - side_b_rank: positive when side A's chair was junior to side B's.
--   days_since_previous counts from the previous dated session's start.
-- example: engagements sql run dialogue_timeline --data datasets/v0.1.0 --param country=PER

with

params as (
    select
        getvariable('dialogue_id')::varchar as dialogue_id,
        getvariable('country')::varchar as country
),

dialogues as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/dialogues.parquet')
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

selected_dialogues as (
    select
        dialogues.dialogue_id,
        dialogues.name as dialogue_name,
        dialogues.country_codes,
        case when list_contains(dialogues.country_codes, 'USA') then 'USA' else dialogues.country_codes[1] end as side_a
    from dialogues
    cross join params
    where (params.dialogue_id is null or dialogues.dialogue_id = params.dialogue_id)
      and (params.country is null or list_contains(dialogues.country_codes, params.country))
),

sides as (
    select
        *,
        array_to_string(list_filter(country_codes, lambda c: c <> side_a), ' ') as side_b
    from selected_dialogues
),

sessions as (
    select
        sides.dialogue_id,
        sides.dialogue_name,
        sides.side_a,
        sides.side_b,
        meetings.meeting_id,
        meetings.cable_id,
        meetings.session_number,
        meetings.date_edtf,
        meetings.date_start,
        meetings.status,
        meetings.city,
        meetings.country_code as venue_country
    from meetings
    join sides using (dialogue_id)
),

leads as (
    select
        sessions.meeting_id,
        case
            when meeting_participants.country_code = sessions.side_a then 'a'
            when list_contains(string_split(sessions.side_b, ' '), meeting_participants.country_code) then 'b'
        end as side,
        coalesce(meeting_participants.name, meeting_participants.title) as chair,
        meeting_participants.level,
        level_ranks.level_rank,
        meeting_participants.participant_id
    from sessions
    join meeting_participants using (meeting_id)
    left join level_ranks using (level)
    where meeting_participants.role = 'lead'
),

chairs as (
    select
        *,
        row_number() over (partition by meeting_id, side order by level_rank nulls last, participant_id) as nth
    from leads
    where side is not null
),

with_chairs as (
    select
        sessions.*,
        side_a_chair.chair as side_a_chair,
        side_a_chair.level as side_a_level,
        side_a_chair.level_rank as side_a_rank,
        side_b_chair.chair as side_b_chair,
        side_b_chair.level as side_b_level,
        side_b_chair.level_rank as side_b_rank
    from sessions
    left join chairs as side_a_chair
        on side_a_chair.meeting_id = sessions.meeting_id and side_a_chair.side = 'a' and side_a_chair.nth = 1
    left join chairs as side_b_chair
        on side_b_chair.meeting_id = sessions.meeting_id and side_b_chair.side = 'b' and side_b_chair.nth = 1
),

final as (
    select
        dialogue_id,
        dialogue_name,
        session_number,
        date_edtf,
        date_start,
        status,
        city,
        venue_country,
        side_a,
        side_a_chair,
        side_a_level,
        side_b,
        side_b_chair,
        side_b_level,
        side_a_rank - side_b_rank as level_gap,
        date_start - lag(date_start) over (
            partition by dialogue_id order by date_start nulls last, session_number nulls last, meeting_id
        ) as days_since_previous,
        cable_id,
        meeting_id
    from with_chairs
    order by dialogue_id, date_start nulls last, session_number nulls last, meeting_id
)

select * from final
