"""casework: what every ledger shares. A ledger declares a `LedgerSpec` (model, names, list
columns, filters, forms, transitions, documents, Excel sheet, indicators, report section, demo)
in its `ledger.py`; this app finds it, serves its pages under `/ledgers/<key>/`, puts it in the
nav and on the home page, numbers its cases, runs its lapses and tests it with the generic suite.
"""
