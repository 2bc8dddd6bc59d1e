-- question: What was asked for, by which requester country, in which year?
-- tables: requests, cables
-- param: item varchar null  Only this item (item vocabulary, e.g. helicopters); null for every item.
-- param: requester_country varchar null  Only requests by this party (alpha-3 or organisation acronym, e.g. PER); null for all.
-- param: year_from integer null  First year to count; null for no lower bound.
-- param: year_to integer null  Last year to count; null for no upper bound.
-- returns: one row per item, requester country and year: requests, cables, the addressees
--   (space-separated)
--   and the count of each status. The year is the request's own date (date_start) where the
--   cable gives one, else the year the cable was sent; dated_by_cable counts the latter.
-- example: engagements sql run requests_by_item --data datasets/v0.1.0 --param item=helicopters
-- example: duckdb -c "set variable data = 'datasets/v0.1.0'" -c ".read sql/requests_by_item.sql"

with

params as (
    select
        getvariable('item')::varchar as item,
        getvariable('requester_country')::varchar as requester_country,
        getvariable('year_from')::integer as year_from,
        getvariable('year_to')::integer as year_to
),

requests as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/requests.parquet')
),

cables as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/cables.parquet')
),

dated as (
    select
        requests.request_id,
        requests.cable_id,
        requests.item,
        coalesce(requests.requester_country_code, 'unknown') as requester_country_code,
        requests.addressee_country_code,
        coalesce(requests.status, 'unknown') as status,
        coalesce(year(requests.date_start), year(cables.created_datetime at time zone 'UTC')) as year,
        requests.date_start is null as dated_by_cable
    from requests
    left join cables using (cable_id)
),

filtered as (
    select dated.*
    from dated
    cross join params
    where (params.item is null or dated.item = params.item)
      and (params.requester_country is null or dated.requester_country_code = params.requester_country)
      and (params.year_from is null or dated.year >= params.year_from)
      and (params.year_to is null or dated.year <= params.year_to)
),

final as (
    select
        item,
        requester_country_code,
        year,
        count(*) as requests,
        count(distinct cable_id) as cables,
        array_to_string(list_sort(list(distinct addressee_country_code) filter (where addressee_country_code is not null)), ' ') as addressees,
        count(*) filter (where status = 'requested') as requested,
        count(*) filter (where status = 'approved') as approved,
        count(*) filter (where status = 'pending') as pending,
        count(*) filter (where status = 'denied') as denied,
        count(*) filter (where status = 'delivered') as delivered,
        count(*) filter (where status = 'unknown') as status_unknown,
        count(*) filter (where dated_by_cable) as dated_by_cable
    from filtered
    group by item, requester_country_code, year
    order by item, requester_country_code, year nulls last
)

select * from final
