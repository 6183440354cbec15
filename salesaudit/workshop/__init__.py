"""The trainer's live funnel simulator (ipywidgets, Voilà): reads the same funnel results as the report."""
