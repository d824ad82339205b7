"""Commands: one package per feature, and ``core`` (the pure router, context, markup, the
message catalogue and the privacy guard) that the features share.

Uses ``storage`` and ``config``; never imports ``bot`` or nio.
"""
