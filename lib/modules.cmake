# The library's modules and what each may use: the one place the layering is written
# down. lib/CMakeLists.txt builds one target per module from it (so the compiler
# refuses an #include of a module not listed), and tests/layering_check.cmake checks
# every #include in lib/ against it (public headers included). docs/architecture.md
# explains the order.
#
# Bottom to top. "base" is lib/src/*.cc (status, about): every module may use it.
set(VANBAN_MODULES base text channel model train restore parse export pipeline archive)

# VANBAN_USES_<module>: the modules whose headers (internal and public) it may include.
set(VANBAN_USES_base "")
set(VANBAN_USES_text base)
set(VANBAN_USES_channel base text)
set(VANBAN_USES_model base text channel)
set(VANBAN_USES_train base text channel model)
set(VANBAN_USES_restore base text channel model)
set(VANBAN_USES_parse base text)
set(VANBAN_USES_export base text parse)
# pipeline: the one place a document flows from bytes to a record (decode, restore, parse).
set(VANBAN_USES_pipeline base text model restore parse)
set(VANBAN_USES_archive base text model parse export pipeline)

# The module each public header (lib/include/vanban/) belongs to.
set(VANBAN_PUBLIC_about base)
set(VANBAN_PUBLIC_status base)
set(VANBAN_PUBLIC_version base)
set(VANBAN_PUBLIC_text text)
set(VANBAN_PUBLIC_model model)
set(VANBAN_PUBLIC_ocr_channel train)
set(VANBAN_PUBLIC_restore restore)
set(VANBAN_PUBLIC_document parse)  # the record parse produces; export and archive read it
set(VANBAN_PUBLIC_parse parse)
set(VANBAN_PUBLIC_export export)
set(VANBAN_PUBLIC_pipeline pipeline)
set(VANBAN_PUBLIC_archive archive)
