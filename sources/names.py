"""How a party's name is folded into the key that finds it (pure Python, no Django).

Two spellings are one party when their keys are equal. Beyond case, apostrophes and spacing, the key drops
Unicode format characters (zero-width spaces and joiners, soft hyphens, bidirectional controls) and folds
letters of other scripts that look like Latin ones (Cyrillic "е", Greek "ο") to the Latin letter, from the
confusables table of Unicode's UTS #39 as shipped by `confusable_homoglyphs`.
"""
import re
import unicodedata
from functools import cache

from confusable_homoglyphs import categories, confusables

# The width of the name and name_key columns (sources.models): keys and extracted names are cut to fit.
NAME_MAX = 300
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
# "Russia s defense ministry": a possessive whose apostrophe was lost in copy-paste.
_LOST_POSSESSIVE = re.compile(r"(?<=\w) s\b")
_SPACE = re.compile(r"\s+")
_KEEP_SCRIPTS = {"LATIN", "COMMON"}


@cache
def _latin_look_alikes() -> dict[int, str]:
    """Map each letter of another script that has a single Latin look-alike to that Latin letter."""
    table = {}
    for char, homoglyphs in confusables.confusables_data.items():
        if len(char) != 1 or categories.alias(char) in _KEEP_SCRIPTS:
            continue
        latin = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and categories.alias(h["c"]) == "LATIN"]
        if latin:
            ascii_first = sorted(latin, key=lambda c: (not c.isascii(), c))
            table[ord(char)] = ascii_first[0]
    return table


def without_format_characters(text: str) -> str:
    """Drop invisible format characters (Unicode category Cf): ZWSP, ZWJ, soft hyphen, RLO, BOM…"""
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def looks_latin(text: str) -> str:
    """Replace letters of other scripts that look like Latin letters with those letters."""
    return text.translate(_latin_look_alikes())


def name_key(name: str) -> str:
    """Fold case, apostrophes, accents' forms, spacing, invisible characters and look-alike letters."""
    text = without_format_characters(unicodedata.normalize("NFKC", name)).translate(_APOSTROPHES).casefold()
    text = unicodedata.normalize("NFKC", looks_latin(text)).casefold()
    text = _SPACE.sub(" ", text).strip()
    text = _LOST_POSSESSIVE.sub("'s", text)
    # Folding can lengthen a name ("ß" → "ss"): the key is cut to its column, never stored over-long.
    return text.strip(" .,;:")[:NAME_MAX].rstrip()


def fit_name(name: str, limit: int = NAME_MAX) -> str:
    """An extracted name cut to its column at a word boundary (the claim keeps the full text)."""
    name = _SPACE.sub(" ", name).strip()
    if len(name) <= limit:
        return name
    cut = name[:limit + 1].rsplit(" ", 1)[0] if " " in name[:limit + 1] else name[:limit]
    return cut[:limit].rstrip(" ,;:-")


def _wordset(text: str) -> frozenset[str]:
    """A lexicon written as words separated by spaces."""
    return frozenset(text.split())


# Country adjectives and the country they belong to: "Iranian government" and "Iran's government" are one party.
DEMONYMS = {
    "afghan": "afghanistan", "albanian": "albania", "algerian": "algeria", "american": "united states",
    "u.s.": "united states", "u.s": "united states", "us": "united states", "argentine": "argentina",
    "argentinian": "argentina",
    "armenian": "armenia", "australian": "australia", "austrian": "austria", "azerbaijani": "azerbaijan",
    "bahraini": "bahrain", "bangladeshi": "bangladesh", "belarusian": "belarus", "belgian": "belgium",
    "bolivian": "bolivia", "bosnian": "bosnia", "brazilian": "brazil", "british": "britain", "bulgarian": "bulgaria",
    "burmese": "myanmar", "cambodian": "cambodia", "canadian": "canada", "chilean": "chile", "chinese": "china",
    "colombian": "colombia", "croatian": "croatia", "cuban": "cuba", "cypriot": "cyprus", "czech": "czech republic",
    "danish": "denmark", "dutch": "netherlands", "ecuadorian": "ecuador", "egyptian": "egypt",
    "emirati": "united arab emirates", "eritrean": "eritrea", "estonian": "estonia", "ethiopian": "ethiopia",
    "filipino": "philippines", "philippine": "philippines", "finnish": "finland", "french": "france",
    "georgian": "georgia", "german": "germany", "ghanaian": "ghana", "greek": "greece", "haitian": "haiti",
    "hungarian": "hungary", "indian": "india", "indonesian": "indonesia", "iranian": "iran", "iraqi": "iraq",
    "irish": "ireland", "israeli": "israel", "italian": "italy", "japanese": "japan", "jordanian": "jordan",
    "kazakh": "kazakhstan", "kenyan": "kenya", "kosovan": "kosovo", "kuwaiti": "kuwait", "kyrgyz": "kyrgyzstan",
    "latvian": "latvia", "lebanese": "lebanon", "libyan": "libya", "lithuanian": "lithuania",
    "malaysian": "malaysia", "malian": "mali", "mexican": "mexico", "moldovan": "moldova", "mongolian": "mongolia",
    "moroccan": "morocco", "nepali": "nepal", "nigerian": "nigeria", "nigerien": "niger",
    "north korean": "north korea", "norwegian": "norway", "omani": "oman", "pakistani": "pakistan",
    "palestinian": "palestine", "peruvian": "peru", "polish": "poland", "portuguese": "portugal",
    "qatari": "qatar", "romanian": "romania", "russian": "russia", "rwandan": "rwanda", "saudi": "saudi arabia",
    "serbian": "serbia", "singaporean": "singapore", "slovak": "slovakia", "somali": "somalia",
    "south african": "south africa", "south korean": "south korea", "spanish": "spain", "sri lankan": "sri lanka",
    "sudanese": "sudan", "swedish": "sweden", "swiss": "switzerland", "syrian": "syria", "taiwanese": "taiwan",
    "tajik": "tajikistan", "thai": "thailand", "tunisian": "tunisia", "turkish": "turkey", "ugandan": "uganda",
    "ukrainian": "ukraine", "uzbek": "uzbekistan", "venezuelan": "venezuela", "vietnamese": "vietnam",
    "yemeni": "yemen", "zimbabwean": "zimbabwe",
}
COUNTRIES = frozenset(DEMONYMS.values())
_DETERMINERS = _wordset("""
    a an the one two three four five several some many other another its their
""")
# Words that describe a party without naming it; a capitalised one opens a sentence, it does not name anyone.
COMMON_WORDS = _wordset("""
    official officials spokesman spokeswoman spokesperson spokespeople source sources resident residents witness
    witnesses observer observers activist activists people person man woman men women villager villagers local
    locals president minister ministers ministry government authorities authority police army military troops
    soldier soldiers rebel rebels militant militants fighter fighters insurgents diplomat diplomats analyst
    analysts expert experts doctor doctors medic medics nurse nurses worker workers aid rescue rescuers civil
    defense defence security senior junior top former local regional state provincial federal city town village
    district military western eastern northern southern foreign interior health media news agency semi-official
    semiofficial officer officers commander commanders relative relatives family families neighbour neighbours
    neighbor neighbors survivor survivors victim victims student students teacher teachers lawyer lawyers
    prosecutor prosecutors judge judges lawmaker lawmakers legislator legislators protester protesters
    demonstrators shopkeeper farmer farmers driver drivers pilot pilots staff employee employees director chief
    head leader leaders member members opposition coalition forces group groups monitor monitors statement
    report reports figures data study survey poll residents' government's army's police's familiar with the
    matter who asked not to be named anonymity condition on of in at for to from and
""")
_TITLES = ("minister", "spokesman", "spokeswoman", "spokesperson", "president", "secretary", "governor", "mayor",
           "senator", "general", "colonel", "commander", "chief", "director", "ambassador", "king", "queen",
           "prince", "judge", "lawyer", "professor", "dr", "mr", "mrs", "ms", "witness", "resident", "official",
           "observer", "analyst", "economist", "doctor", "nurse", "teacher", "officer", "villager", "survivor",
           "diplomat", "activist", "prosecutor", "lawmaker", "chairman", "chairwoman", "ceo", "founder", "man",
           "woman", "neighbour", "neighbor", "driver", "farmer", "captain", "sheikh", "imam", "pope", "bishop")
# Words that make a name a body, not a person: "Syrian Observatory", "Free Syrian Army".
BODY_WORDS = _wordset("""
    ministry army agency observatory council forces force group party union inc ltd corp corporation company
    bank organization organisation office department committee court police news times post media television tv
    radio institute university hospital association federation league front movement brigade brigades battalion
    guard network foundation fund commission authority service services government state republic kingdom
    nations health cross crescent church parliament assembly senate congress embassy command staff agency
    airlines airways group holdings partners club fc press telegraph herald journal tribune gazette channel
""")
_WORD = re.compile(r"[\w'.-]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_LINKING = _wordset("""
    of for the and de al el
""")


def _words(name: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", name).translate(_APOSTROPHES))


def _bare(word: str) -> str:
    return word.casefold().removesuffix("'s").strip(".'")


def is_generic(name: str, report_text: str = "") -> bool:
    """An unnamed description ("an official", "Residents", "one witness", "the president"): no word names anyone.

    A capitalised word names someone unless it is a common description word, or the report also writes it
    in lower case (so it was capitalised only because it opens a sentence).
    """
    lowered = set(_WORD.findall(report_text))
    for word in _words(name):
        for part in word.split("-"):
            if not part or not part[0].isupper():
                continue
            if _bare(part) in COMMON_WORDS or _bare(part) in _DETERMINERS or part.lower() in lowered:
                continue
            return False
    return bool(_words(name))


def looks_like_person(name: str) -> bool:
    """One person: a singular title ("the foreign minister", "one witness") or a personal name ("Ahmad Thaib")."""
    words = [w for w in _words(name) if _bare(w) not in _DETERMINERS]
    if not words:
        return False
    bare = [_bare(w) for w in words]
    if any(b in BODY_WORDS for b in bare) or any(_ACRONYM.match(w) for w in words):
        return False
    if bare[-1] in _TITLES or bare[0] in _TITLES and len(words) > 1:
        return True
    capitalised = [w for w in words if w[0].isupper() and _bare(w) not in COMMON_WORDS]
    named = len(capitalised) == len(words) and 2 <= len(words) <= 4
    return named and not any(_bare(w) in COUNTRIES or _bare(w) in DEMONYMS for w in words)


def _country_form(words: list[str]) -> list[str]:
    """Spell a country the one way: "Iranian"/"Iran's" -> "iran"; a country's government is the country."""
    out, i = [], 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in DEMONYMS:
            out.append(DEMONYMS[pair])
            i += 2
            continue
        out.append(DEMONYMS.get(words[i], words[i]))
        i += 1
    if len(out) == 2 and out[0] in COUNTRIES and out[1] in {"government", "authorities", "regime", "state"}:
        return out[:1]
    return out


_DESCRIPTORS = _wordset("""
    semi-official semiofficial official state-run state-owned state news agency the
""")


def party_keys(name: str) -> set[str]:
    """Keys under which variants of one party meet inside a report.

    "Iranian government", "Iran's government", "Iran" share "iran"; "ILNA news agency" and "semi-official news
    agency ILNA" share their acronym; "Syrian Observatory for Human Rights" and "SOHR" share their initials.
    """
    words = _words(_LOST_POSSESSIVE.sub("'s", name))
    bare = [_bare(w) for w in words if _bare(w) not in _DETERMINERS]
    keys = {" ".join(_country_form(bare))} if bare else set()
    acronyms = [w.casefold() for w in words if _ACRONYM.match(w) and len(w) >= 3]
    if len(acronyms) == 1 and all(_bare(w) in _DESCRIPTORS for w in words if not _ACRONYM.match(w)):
        keys.add(acronyms[0])
    capitalised = [w for w in words if w[0].isupper() and _bare(w) not in _LINKING and not _ACRONYM.match(w)]
    if len(capitalised) >= 3 and len(capitalised) == len([w for w in words if _bare(w) not in _LINKING]):
        keys.add("".join(w[0] for w in capitalised).casefold())
    return {key for key in keys if key}
