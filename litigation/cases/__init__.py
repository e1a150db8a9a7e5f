"""Cases: the decided-case collection — its schema and codebook (`schema`), reading (`loading`),
validation (`validation`), writing (`store`) and the `cases` command (`commands`).

Used by damages and documents; imports only `litigation.i18n` from the rest of the package, never
streamlit.
"""
