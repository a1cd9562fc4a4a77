"""Every word list the rules read, in one place: a newcomer extends the engine here.

The first part holds the shared lists (abbreviations, reporting verbs and their forms, denial cues, function
words, party nouns); after it, one section per module ("# --- verbs.py ---") holds the lists only that
module reads. Each list has a comment saying what it is for, with an example where it helps.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word set from a whitespace-separated list (keeps long lists readable)."""
    return frozenset(text.split())

ABBREVIATIONS = words("""
    mr mrs ms dr st maj gen lt col cmdr sen gov co jr sr rep reps sens sgt capt prof rev adm brig pvt cpl
    gens ft mt messrs supt insp det vs
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)

# lemma: forms (base, 3sg, past, participle, -ing) of verbs that report speech, writing or evidence.
_REPORTING = """
say says said said saying | tell tells told told telling | add adds added added adding
claim claims claimed claimed claiming | allege alleges alleged alleged alleging
accuse accuses accused accused accusing | report reports reported reported reporting
confirm confirms confirmed confirmed confirming | warn warns warned warned warning
insist insists insisted insisted insisting | deny denies denied denied denying
reject rejects rejected rejected rejecting | dismiss dismisses dismissed dismissed dismissing
predict predicts predicted predicted predicting | indicate indicates indicated indicated indicating
argue argues argued argued arguing | admit admits admitted admitted admitting
urge urges urged urged urging | decry decries decried decried decrying
pledge pledges pledged pledged pledging | declare declares declared declared declaring
show shows showed shown showing | hint hints hinted hinted hinting
divulge divulges divulged divulged divulging | defend defends defended defended defending
announce announces announced announced announcing | state states stated stated stating
note notes noted noted noting | explain explains explained explained explaining
acknowledge acknowledges acknowledged acknowledged acknowledging | assert asserts asserted asserted asserting
contend contends contended contended contending | stress stresses stressed stressed stressing
reveal reveals revealed revealed revealing | disclose discloses disclosed disclosed disclosing
write writes wrote written writing | tweet tweets tweeted tweeted tweeting
concede concedes conceded conceded conceding | complain complains complained complained complaining
estimate estimates estimated estimated estimating | suggest suggests suggested suggested suggesting
vow vows vowed vowed vowing | promise promises promised promised promising
condemn condemns condemned condemned condemning | denounce denounces denounced denounced denouncing
criticize criticizes criticized criticized criticizing | criticise criticises criticised criticised criticising
blame blames blamed blamed blaming | reiterate reiterates reiterated reiterated reiterating
maintain maintains maintained maintained maintaining | recall recalls recalled recalled recalling
caution cautions cautioned cautioned cautioning | counter counters countered countered countering
reply replies replied replied replying
testify testifies testified testified testifying | assure assures assured assured assuring
emphasize emphasizes emphasized emphasized emphasizing
emphasise emphasises emphasised emphasised emphasising | refute refutes refuted refuted refuting
quote quotes quoted quoted quoting | cite cites cited cited citing | call calls called called calling
believe believes believed believed believing | fear fears feared feared fearing
worry worries worried worried worrying | think thinks thought thought thinking
know knows knew known knowing | see sees saw seen seeing | expect expects expected expected expecting
concur concurs concurred concurred concurring | remark remarks remarked remarked remarking
boast boasts boasted boasted boasting | joke jokes joked joked joking | quip quips quipped quipped quipping
dispute disputes disputed disputed disputing |
find finds found found finding | recommend recommends recommended recommended recommending
describe describes described described describing | clarify clarifies clarified clarified clarifying
speculate speculates speculated speculated speculating | inform informs informed informed informing
put puts put put putting | rule rules ruled ruled ruling
praise praises praised praised praising | welcome welcomes welcomed welcomed welcoming
hail hails hailed hailed hailing | applaud applauds applauded applauded applauding
forecast forecasts forecast forecast forecasting | signal signals signalled signalled signalling
 signaled signaled signaling | identify identifies identified identified identifying
 ask asks asked asked asking | rebut rebuts rebutted rebutted rebutting
disavow disavows disavowed disavowed disavowing | repudiate repudiates repudiated repudiated repudiating
respond responds responded responded responding | retort retorts retorted retorted retorting
continue continues continued continued continuing | conclude concludes concluded concluded concluding
read reads read read reading | shout shouts shouted shouted shouting | chant chants chanted chanted chanting
blast blasts blasted blasted blasting | slam slams slammed slammed slamming
plead pleads pleaded pleaded pleading | pled pled pled pled pled | bat bats batted batted batting
brush brushes brushed brushed brushing | shrug shrugs shrugged shrugged shrugging
voice voices voiced voiced voicing | cry cries cried cried crying | distance distances distanced distanced
 distancing | threaten threatens threatened threatened threatening | question questions questioned
 questioned questioning | allege alleges alleged alleged alleging | challenge challenges challenged challenged
 challenging | attack attacks attacked attacked attacking | mock mocks mocked mocked mocking
 lament laments lamented lamented lamenting | demand demands demanded demanded demanding
 text texts texted texted texting | post posts posted posted posting
"""
REPORTING_FORMS: dict[str, str] = {}
for _group in _REPORTING.replace("\n", "|").split("|"):
    _forms = _group.split()
    for _form in _forms:
        REPORTING_FORMS.setdefault(_form, _forms[0])

DENY_LEMMAS = words("deny reject dismiss refute rebut dispute disavow repudiate")
# Verbs that deny only with a particle or complement right after them: lemma -> words that must follow.
DENY_PARTICLES = {
    "rule": ("out",),  # "ruled out a deal"
    "bat": ("away",),  # "batted away allegations"
    "brush": ("aside", "off"),  # "brushed aside the reports"
    "shrug": ("off",),  # "shrugged off the claims"
    "plead": ("not", "innocent"),  # "pleaded not guilty"
}
# Complements that turn "called X Y" into a rejection ("called the reports baseless").
DENIAL_WORDS = words("""
    baseless false untrue sham fake lie lies nonsense bunk groundless unfounded fabricated fabrication hoax
    fiction rubbish ridiculous absurd smear slander slanderous libelous bogus
    """)
# Verbs that report only when a particle or object follows them: lemma -> allowed next words.
NEEDS_NEXT = {
    "plead": ("not", "innocent"),  # "pleaded not guilty" denies; "pleaded guilty", "pleaded for help" do not
    "pled": ("not", "innocent"),
    "bat": ("away",),
    "brush": ("aside", "off"),
    "shrug": ("off",),
    "cry": ("foul",),  # "cried foul"
    "voice": ("concern", "concerns", "opposition", "doubt", "doubts", "frustration", "anger", "alarm",
              "fears", "outrage", "skepticism", "scepticism", "dismay", "disappointment", "worry", "worries"),
    "distance": ("himself", "herself", "itself", "themselves", "ourselves", "myself"),
    "rule": ("out", "that"),
}
# Verbs that report only with a quotation, a colon or "that" as content, or in the tail after a quote
# ("Kaine responded.", "he continued, “..."); "The rain continued." is no attribution.
QUOTE_LEMMAS = words("respond retort continue conclude read shout chant text post")
# Verbs that report when what they put in doubt is a claim or quality ("questioned the legality of the deal").
DISPUTING_LEMMAS = words("question challenge")
# Verbs before "to <reporting verb>" that make the infinitive the cue ("continued to insist", "went on to say").
GOING_ON = words("continued continues proceeded proceeds")
# Words after "called <Name>" that show a phone call or a name, not a claim ("called Abedini on Monday").
NAME_ENDS = words("on to from and in at for after before about which who")
# Whom "said to" addresses ("said to reporters"), as against the hedge "said to be".
AUDIENCES = words("reporters journalists supporters crowds crowd voters audiences audience lawmakers members"
                  " students workers residents delegates donors officials investigators police")
# Subjects of "called for" that forecast rather than appeal ("forecasts called for rain").
FORECASTS = words("forecasts forecast forecasters models conditions")
# Who "saw" as a witness reports what they saw ("A Reuters correspondent saw three tanks").
EYEWITNESSES = words("correspondent correspondents reporter reporters witness witnesses journalist journalists"
                     " photographer photographers")
# Verbs that are acts unless the sentence carries their content: "attacked X for ...", "attacked X as ...".
ATTACK_LEMMAS = words("attack")
# Verbs of thought count only with a clause as content; they also never take an inverted subject.
MENTAL_LEMMAS = words("believe fear worry think know expect see")
# These need a clause (that/whether/quote/pronoun subject) as content, or the tail position, to report.
CLAUSE_LEMMAS = words("announce believe fear worry think know expect estimate note recall inform claim rule"
                      " question challenge demand threaten testify maintain")
# Objects after which "claim" reports a statement although no clause follows ("claimed responsibility").
CLAIM_OBJECTS = words("responsibility credit victory")
# Base forms that are mostly nouns ("state media", "police reports"): a verb reading needs a plural subject.
NOUNY_LEMMAS = words("state report claim note call show post tweet estimate forecast quote counter record put"
                     " question challenge attack voice text demand distance cry blast read shout chant slam")
# Sentence adverbs that head a clause but never name a party ("Meanwhile, X said").
SENTENCE_ADVERBS = words("meanwhile however separately moreover additionally furthermore elsewhere instead still"
                         " earlier later also indeed nevertheless nonetheless overall similarly likewise")
# Nouny verbs new to the lists ("questions", "attack"): any form needs a name or pronoun right before it.
NAMED_SUBJECT_LEMMAS = words("question challenge attack voice text demand post cry blast slam distance remark")
# Nouny verbs whose -s form needs a name or pronoun right before it ("updated forecasts", "his remarks").
NOUNY_S_LEMMAS = words("forecast remark estimate")
# Participles that may sit in a reduced relative inside a subject ("A statement posted on its website said").
REDUCED_RELATIVE_LEMMAS = NAMED_SUBJECT_LEMMAS | QUOTE_LEMMAS | words("release issue publish")
# Particles after "called"/"warned" etc. that make a phrasal verb with no claim ("called for", "called off").
PHRASAL_BLOCKERS = {
    "call": words("off up in out back into"),
    "quote": frozenset(),
    "cite": frozenset(),
    "show": words("up off"),
    "see": words("to"),
    "accuse": words("of"),
    "find": words("guilty"),
    "rule": words("over in against"),
    "add": words("to up"),
    "respond": words("to"),
    "continue": words("to"),
    "post": words("on"),
}
CLAUSE_OPENERS = words("that whether if what how why when where who which he she it they we i there this these those")

MODALS = words("will would could can may might should must shall to 'll 'd")
NEGATIONS = words("not n't never no")
BE_FORMS = words("is are was were be been being 's 're am")
AUXILIARIES = words("has have had 've 'd also has")
ADVERBS = words("""
    also later again previously repeatedly separately strongly firmly categorically flatly publicly privately
    recently earlier now then further furthermore immediately quickly initially originally subsequently once
    simply bluntly angrily openly vehemently forcefully emphatically clearly quietly reportedly allegedly
    still already often frequently just however too yet ultimately long widely consistently sharply
    always twice thrice vigorously steadfastly adamantly roundly swiftly flat personally directly
    """)
DAYS = words("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight")
TIME_WORDS = DAYS | words("morning afternoon evening night week month year weekend late early last this")
SUBORDINATORS = words("""
    that which who whom whose when where while after before since because as if though although until unless
    than whether once whereby wherein why how what lest whenever wherever
    """)
DETERMINERS = words(
    "the a an one two three four five six seven eight nine ten several some many few other another its his her"
    " their our your this these those both each every all any most"
)
PRONOUNS = {
    "he": "person", "she": "person", "him": "person", "her": "person",
    "it": "thing", "they": "plural", "them": "plural",
    "i": "first", "we": "first", "you": "first",
}
NOT_PARTIES = words("no one nobody everyone everybody anyone anybody someone somebody nothing")
PREPOSITIONS = words("""
    of for from in at with on by to near under over about into via within above below against across along
    around behind beside between beyond despite except inside outside past toward towards upon without among amid
    amongst throughout
    """)
FINITE_VERBS = words("""
    is are was were be been being am has have had do does did will would could can may might should must shall
    came come comes went go goes got get gets made make makes took take takes gave give gives seemed seem seems
    became become becomes left leave leaves struck strike hit killed kill kills remained remain remains
    spoke speak speaks appeared appear appears continued continue continues faced face faces
    cut rose fell won lost held kept sold paid led sent met
    """)
CONJUNCTIONS = words("and but or nor so yet")
HEDGES = (
    "believed to be", "believed to have", "thought to be", "said to be", "reportedly", "allegedly", "alleged",
    "purportedly", "apparently", "is expected to", "are expected to", "was expected to", "were expected to",
    "is viewed as", "suspected", "presumed", "unconfirmed", "could not be independently verified",
)
TITLES = words("""
    mr mr. mrs mrs. ms ms. dr dr. miss sir dame lord lady president vice prime minister premier chancellor
    king queen prince princess sheikh emir sultan pope cardinal bishop rev rev. father imam rabbi ayatollah
    gen gen. general maj maj. major lt lt. lieutenant col col. colonel capt capt. captain cmdr cmdr. commander
    sgt sgt. sergeant cpl cpl. corporal pvt pvt. private adm adm. admiral brig brig. brigadier marshal
    sen sen. senator rep rep. representative gov gov. governor mayor judge justice chief officer detective
    det det. inspector insp insp. superintendent supt supt. constable sheriff deputy secretary attorney
    ambassador envoy chairman chairwoman chair director spokesman spokeswoman spokesperson patrol police
    assistant acting interim former state foreign defence defense interior health finance
    professor prof prof. dean coach commissioner clerk councillor councilor councilman councilwoman alderman
    treasurer auditor comptroller mp mps mep democrat republican conservative labour
    """)
ORG_WORDS = words("""
    administration department ministry agency police army force forces navy corps times news post journal
    airlines airline airways co co. corp corp. inc inc. ltd ltd. llc plc group company commission council
    party university college institute association organization organisation service services office court
    committee union bank fund center centre network press reuters tv radio channel house senate congress
    parliament government authority authorities board foundation observatory coalition alliance front
    movement brigade brigades battalion ministry's administration's express international federal national
    centers centres logistics resources holdings industries technologies systems partners securities capital
    motors laboratories labs club team hospital clinic school academy staff command headquarters division
    hotline charity nonprofit ngo unit
    """)
PERSON_NOUNS = words("""
    official officer spokesman spokeswoman spokesperson resident witness militant fighter lawyer attorney
    analyst leader minister lawmaker legislator mayor governor president senator chief director executive
    chairman chairwoman man woman doctor nurse medic worker activist observer source diplomat commander
    general colonel soldier journalist reporter editor meteorologist forecaster expert economist professor
    investigator prosecutor judge student teacher father mother farmer driver survivor victim aide adviser
    advisor envoy ambassador negotiator candidate member ceo founder owner manager employee engineer
    scientist researcher historian researcher tribesman villager neighbor neighbour relative son daughter
    brother sister wife husband friend priest imam cleric fellow organizer organiser
    """)
DOCUMENT_NOUNS = words("""
    video videos footage image images photo photos photograph photographs picture pictures data figures
    statistics report reports statement document documents records record presentation survey poll study
    letter memo email e-mail filing analysis map maps imagery recording recordings audio tally count
    tweet post posting message transcript list chart slides findings research review investigation
    inquiry audit release studies analyses results
    """)
# A bare "the <kind>" finds the latest name carrying one of these words ("the utility" -> "... Electric Co.").
KIND_WORDS = {
    "broadcaster": words("news tv television radio broadcasting channel network bbc cnn nbc abc cbs"),
    "network": words("news tv television network nbc abc cbs cnn fox"),
    "newspaper": words("times post journal herald tribune guardian telegraph gazette news daily"),
    "paper": words("times post journal herald tribune guardian telegraph gazette news daily"),
    "utility": words("electric gas power energy water edison"),
    "airline": words("airlines airways air"),
    "agency": words("agency"),
    "automaker": words("motors motor automotive"),
}
# Writings whose author or publication stands in for them ("the article said" -> the paper it ran in).
WRITINGS = words("article piece opinion editorial commentary column op-ed document statement letter ruling")
COMPANY_NOUNS = words("company firm carrier airline retailer automaker bank group startup lender insurer utility"
                      " manufacturer maker label broadcaster network studio publisher")
# Nouns that name a party on their own ("per the company", "per officials").
PARTY_NOUNS = ORG_WORDS | PERSON_NOUNS | COMPANY_NOUNS | words("officials authorities sources police")

# --- adjuncts.py ---
# -ing forms that report content when they open an adjunct after the main clause.
PARTICIPLES = words("saying arguing insisting adding claiming warning writing telling noting stressing"
                     " accusing denying rejecting explaining asserting contending declaring shouting chanting"
                     " alleging questioning calling dismissing")
# Channels a participle may follow without a comma ("posted on Twitter accusing Big Machine of ...").
CHANNEL_NOUNS = words("twitter facebook instagram tumblr weibo statement post video letter message email blog")
APPOSITION_LINKS = words("and de al bin van von")

# --- announce.py ---
ANNOUNCING = words("posted wrote tweeted shared published issued released")
MESSAGES = words("message statement note letter post tweet video email tribute")

# --- attribution.py ---
INVERTED_STOPS = words("in at on during after before while when who whose as via through under amid")
OBJECT_WORDS = words("affiliate affiliates reporters journalists the local state media news")
NOT_OUTLETS = words("reporters journalists")
NOUN_MARKERS = words("the a an his her its their our your this these those")
CONTRACTING = words("he she it that there who what where here")
PROGRESSIVE_OBJECT = words("urge accuse demand warn blast slam attack criticize criticise condemn")
AS_LEMMAS = words("say report write note tell explain")
RELAYS = frozenset({"according", "per"})
DASHES = frozenset({"--", "\u2014", "\u2013"})
INNER_CUES = words("say deny reject dismiss")
CONTRASTS = words("while whereas")
PROGRESSIVE_BE = words("is are was were 's 're am been")
SINGULAR_S = words("news analysis series species politics economics us bus gas thesis crisis")

# --- descriptions.py ---
# Small words inside an institution's name ("Centers for Disease Control").
NAME_RUN_LINKS = words("of for and & on")
COMPANY_SUFFIXES = words("inc inc. corp corp. co co. ltd ltd. plc llc group holdings ag sa gmbh nv")
COPULAS = words("is was")
ARTICLES = words("the a an")

# --- epithets.py ---
# Role nouns an unnamed first mention may use for a person the article names later.
EPITHET_ROLES = words(
    "lawmaker legislator leader minister mayor governor president senator chairman chairwoman ceo chief director"
    " secretary ambassador lawyer attorney commander editor founder premier chancellor"
)
# Roles that often stay unnamed: linked only to a later speaker described by the same role word.
DESCRIBED_ROLES = words("publicist spokesman spokeswoman spokesperson")
SAME_ROLE = {
    "lawyer": words("attorney counsel"), "attorney": words("lawyer counsel"), "counsel": words("lawyer attorney"),
}
NOT_DEMONYMS = words("guardian")

# --- gender.py ---
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
FEMALE = words("ms ms. mrs mrs. miss madam dame lady spokeswoman chairwoman businesswoman congresswoman"
                " woman mother wife daughter sister grandmother aunt widow actress queen princess")
MALE = words("mr mr. sir lord spokesman chairman businessman congressman man father husband son brother"
              " grandfather uncle widower actor king prince")
NOT_NOUN_AFTER = words("as to for and or but in on at with from by that who of about")

# --- phrases.py ---
NAME_PARTICLES = words("al al- bin ibn de del der van von la le el da di dos du abu abdel abd")
AGENT_LINKS = words("by from of")
DEFINITE_OPENERS = words("the his her its their")  # "her nephew" points back like "the nephew"
OWNER_NAME_LINKS = words("of for and")
PARTY_PLURALS = words("officials authorities residents voters sources leaders ministers lawmakers police officers")

# --- plurals.py ---
NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4}
ORG_HEADS = ORG_WORDS | COMPANY_NOUNS | words("club team side firm")
MONTHS = words("january february march april may june july august september october november december")

# --- resolve.py ---
ORG_NOUNS = COMPANY_NOUNS | words("club team side")
INSTITUTIONS = words("agency organization organisation body board department ministry office commission authority"
                      " regulator watchdog group charity bank service")
FRONTING = words("when after before as while since once although though")
ISSUING = words("issued released published posted sent")
ORG_ROLES = words("president minister chairman chairwoman chief director secretary")
NOT_NAME_STARTS = SUBORDINATORS | CONJUNCTIONS | PREPOSITIONS | DETERMINERS
POSSESSIVES = {"his": ("person", "m"), "her": ("person", "f"), "their": ("plural", None), "its": ("thing", None)}
TITLE_ROLES = words("president minister mayor governor chairman chairwoman ceo chief director secretary")

# --- scoring.py ---
SCORER_STOP_WORDS = frozenset({"a", "an", "the", "s", "one", "some", "of", "its", "his", "her", "their", "and", "by"})

# --- subject.py ---
ING_NOUNS = words("morning evening building meeting briefing hearing wedding ruling")
NAME_MODALS = words("will may")
SUBJECT_PRONOUNS = words("he she they we")
RESTRICTIVE_RELATIVES = words("who that")
# Prepositions that double as adjectives at the head of a subject ("Outside experts said").
NOT_NOUNS = PREPOSITIONS | DETERMINERS | words("up down off out away back")
ADJECTIVAL = words("outside inside past")
APPROXIMATORS = words("about around over under nearly almost roughly")  # "About 60% of respondents said"
RELATIVE_OPENERS = words("who whom whose which that where when")

# --- verbs.py ---
PRONOUN_SUBJECTS = words("he she it they we i you who")
QUESTION_WORDS = words("whether if what how why when where who which for about to")
NOT_DECLARED = words("emergency war bankruptcy curfew holiday zone zones ceasefire truce independence mourning"
                      " lockdown disaster closed open martial")
