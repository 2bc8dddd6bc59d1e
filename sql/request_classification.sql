-- question: How classified are the paragraphs that carry requests, item by item?
-- tables: requests, paragraphs, cables
-- param: item varchar null  Only this item (item vocabulary, e.g. helicopters); null for every item.
-- param: requester_country varchar null  Only requests by this party (alpha-3, e.g. PER); null for all.
-- returns: one row per item and paragraph marking (U, SBU, C, S, S/NF ... or 'unmarked'), over the
--   paragraphs listed in each request's paragraph_numbers: how many such paragraphs (a paragraph
--   counts once per item however many requests it carries), how many requests and cables, the
--   share of the item's paragraphs with that marking, and the most common overall
--   classification of the cables they come from.
-- example: engagements sql run request_classification --data datasets/v0.1.0 --param item=helicopters

with

params as (
    select
        getvariable('item')::varchar as item,
        getvariable('requester_country')::varchar as requester_country
),

requests as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/requests.parquet')
),

paragraphs as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/paragraphs.parquet')
),

cables as (
    select * from read_parquet(coalesce(getvariable('data'), '.') || '/cables.parquet')
),

selected_requests as (
    select requests.*
    from requests
    cross join params
    where (params.item is null or requests.item = params.item)
      and (params.requester_country is null or requests.requester_country_code = params.requester_country)
),

request_paragraphs as (
    select
        request_id,
        cable_id,
        item,
        unnest(paragraph_numbers) as paragraph_number
    from selected_requests
),

marked as (
    select
        request_paragraphs.*,
        coalesce(paragraphs.marking, 'unmarked') as marking,
        cables.classification as cable_classification
    from request_paragraphs
    left join paragraphs using (cable_id, paragraph_number)
    left join cables using (cable_id)
),

counted as (
    select
        item,
        marking,
        count(distinct (cable_id, paragraph_number)) as paragraphs,
        count(distinct request_id) as requests,
        count(distinct cable_id) as cables,
        mode(cable_classification order by cable_classification) as usual_cable_classification
    from marked
    group by item, marking
),

final as (
    select
        item,
        marking,
        paragraphs,
        requests,
        cables,
        round(paragraphs / sum(paragraphs) over (partition by item), 4) as share_of_item,
        usual_cable_classification
    from counted
    order by item, paragraphs desc, marking
)

select * from final
