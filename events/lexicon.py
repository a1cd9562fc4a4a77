"""A small hand-written vocabulary of conflict reporting, so that accounts in different words still meet.

Each group names one idea; a word in a group also counts as the group (`@medical`), and some groups
count as a broader one too (a hospital is civilian infrastructure). Words are written plainly;
`events.competing` stems them the way it stems claims. Keep the groups general: they must describe how wars
are reported, never one particular report.
"""

GROUPS: dict[str, set[str]] = {
    "@attack": {"strike", "airstrike", "bomb", "bombard", "bombardment", "raid", "attack", "shell", "hit", "target",
                "struck", "fire", "fired", "offensive", "assault", "barrage", "pound", "blast", "explosion", "missile",
                "rocket", "artillery", "mortar", "sortie"},
    "@aircraft": {"jet", "plane", "aircraft", "warplane", "helicopter", "drone", "air"},
    "@fighters": {"militant", "rebel", "fighter", "insurgent", "jihadist", "terrorist", "gunman", "guerrilla",
                  "militia", "armed", "opposition", "faction"},
    "@islamist": {"islamist", "jihadist", "jihad", "qaeda", "extremist", "hardline"},
    "@forces": {"army", "military", "troop", "soldier", "force", "forces", "regime", "government", "ministry"},
    "@civilians": {"civilian", "resident", "villager", "shopper", "people", "family", "women", "children", "child",
                   "displaced", "refugee", "inhabitant"},
    "@casualties": {"kill", "dead", "death", "die", "died", "casualty", "casualties", "wound", "wounded", "injure",
                    "injured", "body", "bodies", "toll", "victim", "harm", "harmed", "charred", "massacre"},
    "@damage": {"destroy", "destroyed", "damage", "damaged", "knock", "knocked", "flatten", "raze", "rubble",
                "ruin", "wreck", "collapse"},
    "@medical": {"hospital", "clinic", "medical", "health", "ambulance", "doctor", "medic", "nurse", "infirmary"},
    "@infrastructure": {"infrastructure", "plant", "power", "bridge", "school", "market", "bakery", "water",
                        "electricity", "station", "road", "stall", "center", "centre"},
    "@truce": {"truce", "ceasefire", "armistice", "deal", "agreement", "accord"},
    "@camp": {"camp", "shelter", "sheltering", "tent"},
    "@place": {"town", "city", "village", "province", "district", "neighbourhood", "neighborhood", "outskirts"},
    "@weapons": {"weapon", "depot", "arms", "ammunition", "munition", "position", "base"},
}

# A narrower idea also counts as the broader one: "hospitals were hit" is "infrastructure was hit".
BROADER: dict[str, set[str]] = {
    "@medical": {"@infrastructure"},
    "@camp": {"@infrastructure"},
    "@aircraft": {"@attack"},
    "@damage": {"@attack"},
    "@islamist": {"@fighters"},
}

# Words that put a statement against another: a denial, a rejection, a negation.
NEGATION_CUES = {"deny", "denies", "denied", "denial", "reject", "rejected", "rejects", "dismiss", "dismissed",
                 "refute", "refuted", "rebut", "rebuffed", "not", "no", "never", "none", "nobody", "nothing",
                 "false", "baseless", "fabricate", "fabricated", "lie", "lies", "propaganda", "untrue", "without"}

# Words that speak of a count without giving it: "fabricated the casualty figures" is about the death toll.
COUNT_WORDS = {"figure", "figures", "toll", "tally", "count", "counts", "number", "numbers", "statistics"}

# What a statement can be about: what was done, by whom, to whom, with what result. A denial is about one of these.
ASPECTS = {"@attack", "@forces", "@casualties", "@damage", "@medical", "@infrastructure", "@civilians", "@fighters",
           "@weapons", "@camp", "@truce"}

# Words in a speaker's name that place it on a side when its kind does not ("A military spokesman",
# "Rebel sources"); the armed groups' words win, so "the opposition government" is not the state.
STATE_SPEAKER_WORDS = {"army", "military", "ministry", "government", "regime", "troops", "soldiers", "police",
                       "president", "presidency", "state", "kremlin", "official", "officials"}
NON_STATE_SPEAKER_WORDS = {"rebel", "rebels", "militant", "militants", "opposition", "insurgent", "insurgents",
                           "fighters", "witness", "witnesses", "resident", "residents", "doctor", "doctors",
                           "activist", "activists", "monitor", "observatory", "rescue", "medics", "villagers"}

NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
                "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"}

# Function words, reporting verbs and hedges: they say how something was said, not what.
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my of off on once only or other our out over own same she should so
some such than that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your s t since upon via per among amid despite
say said says saying told tell tells according report reported reports reportedly added add claim claimed claims
statement statements spokesman spokeswoman spokesperson official officials source sources believed alleged
allegedly accusation accusations accuse accused reportedly apparently least several many some dozens scores
tuesday monday wednesday thursday friday saturday sunday week day days today yesterday ago last earlier later
al el bin mr mrs ms may might must shall would could also still even now just already very much
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
