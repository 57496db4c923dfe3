"""ZhReader's translations: Qt Linguist `.ts` sources and the `.qm` files built from them.

`python -m reader.i18n.update` extracts the strings and builds the `.qm` files
(docs/translations.md).
"""

from pathlib import Path

#: The folder holding zhreader_<language>.ts and .qm.
FOLDER = Path(__file__).parent
#: The translated interface languages (besides the English source), as .ts/.qm suffixes.
LANGUAGES = ("zh_Hans", "zh_Hant")
#: English needs only its plural forms ("1 character", "2 characters").
PLURALS_ONLY = ("en",)
