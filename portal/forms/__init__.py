"""WTForms forms. Labels and messages are lazy catalog strings, rendered by the component macros."""
