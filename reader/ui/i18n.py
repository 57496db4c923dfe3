"""The interface language: ZhReader's translations and Qt's own, from the system locale
or the reader's choice in Preferences."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

from reader.i18n import FOLDER

# The choices in Preferences ▸ Language, stored as `reading/language`.
CHOICES = ("system", "en", "zh_Hans", "zh_Hant")
SETTING = "reading/language"
# Qt's own translations (standard dialogs and buttons) exist for zh_CN and zh_TW only.
QT_CATALOGS = {"zh_Hans": "qtbase_zh_CN", "zh_Hant": "qtbase_zh_TW"}


def language_for_locale(locale: QLocale) -> str:
    """The interface language for a locale: zh_CN/zh_SG → zh_Hans, zh_TW/zh_HK/zh_MO →
    zh_Hant (also by the locale's script), anything else English."""
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    if locale.script() == QLocale.Script.TraditionalHanScript:
        return "zh_Hant"
    if locale.script() == QLocale.Script.SimplifiedHanScript:
        return "zh_Hans"
    traditional = {
        QLocale.Territory.Taiwan,
        QLocale.Territory.HongKong,
        QLocale.Territory.Macao,
    }
    return "zh_Hant" if locale.territory() in traditional else "zh_Hans"


def system_language(system: QLocale) -> str:
    """The interface language for the user's preferred languages, in their order: the first
    that ZhReader speaks (LANGUAGE=fr:zh_TW gives 繁體中文), else English."""
    for name in system.uiLanguages() or [system.name()]:
        locale = QLocale(name)
        if locale.language() in (QLocale.Language.Chinese, QLocale.Language.English):
            return language_for_locale(locale)
    return "en"


def chosen_language(settings: QSettings) -> str:
    """The language chosen in Preferences ("system" when none or an unknown value)."""
    raw = settings.value(SETTING, "system")
    return raw if raw in CHOICES else "system"


class InterfaceLanguage(QObject):
    """Installs and replaces the application's translators (one per application)."""

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.setObjectName("interfaceLanguage")
        self.app = app
        self.language = "en"
        self._translators: list[QTranslator] = []

    @classmethod
    def of(cls, app: QCoreApplication) -> InterfaceLanguage:
        """The application's translators, made on first use."""
        return app.findChild(cls, "interfaceLanguage") or cls(app)

    def apply(self, choice: str, system: QLocale | None = None) -> str:
        """Translate the interface into `choice` (a CHOICES value; "system" follows `system`,
        by default the system locale); returns the language used ("en", "zh_Hans", …).

        Qt then sends every widget a LanguageChange event; the window and its panels
        word themselves again (MainWindow.retranslate).
        """
        language = system_language(system or QLocale.system()) if choice == "system" else choice
        if language not in CHOICES:
            language = "en"
        self.clear()
        self._load(f"zhreader_{language}", str(FOLDER))
        if language in QT_CATALOGS:
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._load(QT_CATALOGS[language], qt_folder)
        self.language = language
        return language

    def clear(self) -> None:
        """Back to the English source texts."""
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        self.language = "en"

    def _load(self, name: str, folder: str) -> None:
        translator = QTranslator(self.app)
        if translator.load(name, folder):
            self.app.installTranslator(translator)
            self._translators.append(translator)
