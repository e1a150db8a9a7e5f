"""Law: the rule frame (`rules`) and citations (`citations`), temporal applicability (`temporal`), the
per-matter context (`context`), the rules by topic (`infringement`, `defenses`, `burden`, `liability`,
`remedies`, `flags`) and `analysis.analyze`, which assembles them into one traced analysis.

A new cause of action or an older instrument goes here, one module per topic. May import `facts` and
`litigation.i18n`; never damages, cases, documents or streamlit.
"""
