"""The read-only views of an analysed case: what `prov trace`, `status`, `explain` and
`check` show, as typed data (`shapes`), and their plain-text renderings (`text`).

Every view takes a `records.Document` and reads it through one `index.CaseIndex`; terms
are resolved by `find.find`. Nothing here imports pydantic, networkx, yaml or rapidfuzz
at module level, so the cached path of `prov trace` stays fast.
"""
