"""Commands: one module per feature, a pure router, the message catalogue and markup.

Uses ``storage`` and ``config``; never imports ``bot`` or nio.
"""
