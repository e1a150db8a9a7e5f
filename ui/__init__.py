"""The Streamlit layer of FaceTort: pages and components. No legal logic lives here."""
