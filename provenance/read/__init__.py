"""Step one of the pipeline, read: case files to plain data with the line of every value.

- `limits`: how much a case file may hold (bytes, nesting, aliases), documented once.
- `files`: the bytes of case files and archived texts, read once each (the cache key of
  `provenance.document` is a hash of exactly these bytes). Light: on the cached path.
- `yaml_case`, `json_case`: one parser each, both giving data plus line numbers.
- `rawfile`: `RawFile` and `read_raw`, which picks the parser by the file's suffix.

Validation (shapes, references, duplicate ids) is the next step: `provenance.casefile`.
"""
