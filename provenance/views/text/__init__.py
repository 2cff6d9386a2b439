"""Plain-text renderings of the views, for a terminal: one module per view.

Plain text on purpose: it is what a checker pastes into notes, it diffs, and it costs
no import time. Every `format_*` function returns a string; the CLI prints it.

- `trace_text.format_trace`: `prov trace`
- `status_text.format_status`, `status_text.status_text`: `prov status`
- `explain_text.format_explain`: `prov explain`
- `check_text.format_check`: `prov check`
"""
