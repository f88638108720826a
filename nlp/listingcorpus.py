"""A synthetic corpus of listings from mixed sites, written for the listing classifier (``nlp.listing``).

Two kinds, in Dutch and English: ``adult`` (escort-style ads) and ``non_adult`` (jobs, camps, school
events, sports clubs, sales, transport hiring, housing, au-pairs, tutoring, babysitting, dating
without payment, concerts; and, for issue 14, lost and found, second-hand items with sizes and
condition, auditions, kids' parties, pet and house sitting, garden jobs, tutoring by subject, sports
practices and matches, shift work, 24/7 care, pen pals, leavers' parties and other school events,
volunteering, club notices, ride sharing, events with an entry fee, and terse title-like fragments
of all of these). The texts are written by us for this purpose, independently of the
demo world's phrase bank; they are not real ads, and figures on them show fit to our own writing.

An escort-style ad states only a name, an age, a city, availability, arrangements, a price and a
contact: never sexual acts or bodies. Short adult ads also carry the signals this project looks
for (youth, someone else arranging, movement) in their availability and arrangements, because
those are the ads a wrong "non-adult" verdict would hide; three short styles (``youth_short``,
``thirdparty_short``, ``move_short``) carry school years, after-school hours, someone else taking
bookings or payment, and moving on, with contact phrasing such as "prices via app" or "DM me", so that
school and youth words are not evidence of an ordinary listing on their own. Both kinds carry the hard cases on purpose: non-adult
listings with ages 16-18, "24/7", "new in town", prices per hour, "girls", "drivers day and night",
"from abroad", "discreet"; adult ads that are short and plain.

Templates use ``{slot}`` for a value and ``[a|b|]`` for a paraphrase choice (an empty choice makes
the words optional). Each listing records its ``topic`` and ``template`` so that evaluation can hold
out whole topics. Generation is deterministic by seed: ``generate(per_kind, seed)``; some topics have a "pick" (short ads) and
some only optional groups (a title alone is then the listing).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

ADULT, NON_ADULT = "adult", "non_adult"

_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Listing:
    text: str
    lang: str
    kind: str  # ADULT or NON_ADULT
    topic: str
    template: str


# --- shared slot values (the same for both kinds, so they carry no signal on their own) -------------

_WOMEN = ["Lisa", "Emma", "Sophie", "Anna", "Mia", "Julia", "Sara", "Nina", "Eva", "Lotte", "Kim", "Chloe",
          "Jessica", "Bella", "Vanessa", "Naomi", "Luna", "Fleur", "Iris", "Noor", "Sanne", "Maya", "Zoë",
          "Amber", "Demi", "Jade", "Lara", "Romy", "Tess", "Yara", "Elena", "Bianca", "Monica", "Kelly"]
_MEN = ["Mark", "Tim", "Daan", "Bas", "Kevin", "Ruben", "Sem", "Thomas", "Jeroen", "Mike", "Rick", "Sven"]
_CITIES = ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
           "Breda", "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Zwolle", "Leiden", "Maastricht",
           "Apeldoorn", "Amersfoort", "Delft", "Venlo", "Leeuwarden", "Dordrecht", "Zaandam", "Hengelo"]
_EN_CITIES = _CITIES + ["London", "Manchester", "Leeds", "Bristol", "Birmingham", "Liverpool", "Glasgow"]
_DAYS_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
_DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]


def _phone(rng: random.Random, lang: str) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(8))
    form = rng.randrange(5)
    if lang == "en" and rng.random() < 0.3:
        return "07" + "".join(rng.choice("0123456789") for _ in range(3)) + " " + digits[:6]
    if form == 0:
        return "06" + digits
    if form == 1:
        return f"06-{digits}"
    if form == 2:
        return f"+31 6 {digits[:4]} {digits[4:]}"
    if form == 3:
        return f"06 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
    return f"0031 6 {digits}"


def _money(rng: random.Random, lang: str, amount: int) -> str:
    """An escort-range price, written bare or with a currency as often as the listings' prices are."""
    forms = ["{}", "{}", "€{}", "€ {}", "{} euro", "{},-"] + (["£{}", "{} eur"] if lang == "en" else ["{} eur"])
    return rng.choice(forms).format(amount)


_EURO = re.compile(r"€ ?(\d+(?:,\d+)?)")


def _rewrite_money(text: str, rng: random.Random) -> str:
    """Listings write prices in more ways than "€ 12": "12 euro", "12,-", a bare number."""
    form = rng.choice(["€ {}", "€{}", "{} euro", "{},-", "{} eur", "{}"])
    return _EURO.sub(lambda m: form.format(m.group(1)), text)


def _slots(rng: random.Random, lang: str) -> dict[str, str]:
    nl = lang == "nl"
    hour = rng.choice([9, 10, 11, 12, 13, 14, 16, 18, 19, 20, 21])
    return {
        "name": rng.choice(_WOMEN),
        "man": rng.choice(_MEN),
        "city": rng.choice(_CITIES if nl else _EN_CITIES),
        "city2": rng.choice(_CITIES if nl else _EN_CITIES),
        "age": str(rng.choice([18, 19, 20, 21, 21, 22, 22, 23, 23, 24, 25, 25, 26, 27, 28, 29, 30, 31, 33, 35,
                               38, 41])),
        "teen": str(rng.choice([15, 16, 16, 17, 17, 18])),
        "young": str(rng.choice([12, 13, 14, 15, 16, 17])),
        "phone": _phone(rng, lang),
        "day": rng.choice(_DAYS_NL if nl else _DAYS_EN),
        "day2": rng.choice(_DAYS_NL if nl else _DAYS_EN),
        "month": rng.choice(_MONTHS_NL if nl else _MONTHS_EN),
        "date": str(rng.randint(1, 28)),
        "n": str(rng.randint(2, 6)),
        "many": str(rng.choice([3, 5, 6, 8, 10, 12, 15, 20])),
        "hour": f"{hour}:00" if rng.random() < 0.7 else f"{hour}.30",
        "late": rng.choice(["22:00", "23:00", "00:00", "01:00", "02:00", "laat" if nl else "late"]),
        # prices: small (jobs, tickets), mid (rooms, camps), escort-range per half hour and hour
        "wage": rng.choice(["9,50", "10", "11", "11,75", "12", "12,50", "13", "14", "15", "16"]),
        "small": str(rng.choice([2, 3, 5, 5, 7, 8, 10, 12, 15, 20, 25, 35, 40, 45, 50, 60, 75])),
        "mid": str(rng.choice([95, 120, 150, 175, 195, 225, 250, 295, 325, 350, 395, 450, 495, 550, 650, 725])),
        "half": _money(rng, lang, rng.choice([60, 70, 80, 90, 100, 100, 120, 130])),
        "full": _money(rng, lang, rng.choice([120, 130, 140, 150, 150, 160, 180, 200, 220, 250])),
        "night": _money(rng, lang, rng.choice([600, 700, 800, 900, 1000, 1200])),
        "email": rng.choice(["info", "contact", "jobs", "hallo", "hello", "team"]) + "@"
        + rng.choice(["example.nl", "example.com", "mail.example.org"]),
        "size": rng.choice(["104", "116", "128", "140", "152", "164", "XS", "S", "M", "L", "XL", "36", "38",
                            "40", "42", "44"]) if nl else rng.choice(["6", "8", "10", "12", "14", "16", "XS", "S",
                                                                      "M", "L", "age 7-8", "age 9-10", "age 11-12",
                                                                      "age 13"]),
    }


def _expand(template: str, rng: random.Random, slots: dict[str, str]) -> str:
    text = template
    while "[" in text:
        text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    text = _SLOT.sub(lambda m: slots[m.group(1)], text)
    return re.sub(r" {2,}", " ", re.sub(r" +([.,!?:;)])", r"\1", text)).strip()


# A topic: title choices and ordered groups of sentence choices. A group whose first element is a
# float is optional with that probability. Middle groups are shuffled with probability 0.3; with
# "pick": k, only 1 to k of them are used (short ads).
Topic = dict[str, list]

# ---------------------------------------------------------------------------------------------------
# Non-adult listings, Dutch
# ---------------------------------------------------------------------------------------------------

_NON_ADULT_NL: dict[str, Topic] = {
    "job": {
        "title": ["Vacature: [vakkenvuller|kassamedewerker|afwashulp|zaterdaghulp|bezorger] [gezocht|m/v]",
                  "Bijbaan voor scholieren in {city}", "[Wij zoeken|Gezocht:] [enthousiaste|] [collega's|hulp] "
                  "voor onze [bakkerij|supermarkt|ijssalon|snackbar|kwekerij]", "Vakantiewerk {city}", "[Zomerbaan|Seizoenswerk|Oogsthulp] [bij een|op de] [fruitkwekerij|"
                  "boerderij|camping] in {city}",
                  "Werken bij [de Bakker|Versmarkt|IJssalon Roma|Tuincentrum De Linde]?"],
        "body": [
            ["Voor onze [winkel|vestiging|zaak] in {city} zoeken wij [scholieren|jongeren|studenten] "
             "[vanaf|van] {teen} jaar.", "Ben jij {teen} [jaar|] of ouder en zoek je een [bijbaantje|baan na "
             "school]?", "[Fruitkwekerij|Boerderij|Camping] [in {city}|{man}] zoekt [scholieren|jongeren] "
             "van {teen}, 17 en 18 jaar voor [de pluk|de oogst|de zomer].", "Wij zoeken [meiden en jongens|jongens en meiden|scholieren] van {teen} tot 18 jaar "
             "voor [de zaterdag|de avonden|de vakantie]."],
            ["Je werkt [op zaterdag|twee avonden per week|in de zomervakantie|na schooltijd].",
             "Werktijden: {day} en {day2} van {hour} tot 21:00.", "[Flexibele|Vaste] uren, ook in het "
             "weekend.", "Diensten [overdag en 's avonds|dag en nacht|in ploegen], [jij kiest|in overleg]."],
            ["Salaris: € {wage} per uur [plus toeslag|afhankelijk van je leeftijd|].",
             "Je verdient € {wage} per uur.", "Uurloon vanaf € {wage}, [goede sfeer|leuke collega's] "
             "[en personeelskorting|]."],
            [0.6, "Ervaring is niet nodig, we leren je alles.", "Geen ervaring? Geen probleem!",
             "Je krijgt een [inwerkperiode|training] van een week."],
            ["Solliciteer via {email} of bel {phone}.", "[Stuur|Mail] je cv naar {email}.",
             "Interesse? [App|Bel] {man} op {phone}.", "Kom langs in de winkel of solliciteer online."],
        ],
    },
    "transport": {
        "title": ["[Chauffeurs|Taxichauffeurs|Bezorgers|Koeriers] gezocht [dag en nacht|24/7|] in {city}",
                  "[Taxibedrijf|Taxicentrale] {city} zoekt [chauffeurs|personeel]", "Maaltijdbezorgers gezocht [!|]",
                  "Vacature: [koerier|pakketbezorger|buschauffeur] (dag- en nachtdiensten)"],
        "body": [
            ["Wij zijn [24/7|dag en nacht|zeven dagen per week] [actief|bereikbaar|op de weg] en zoeken "
             "[chauffeurs|bezorgers] [voor dag- en nachtdiensten|die ook 's nachts kunnen].",
             "Voor onze [taxicentrale|bezorgdienst|koeriersdienst] zoeken wij [nieuwe|] [chauffeurs|rijders] "
             "[overdag en 's nachts|dag en nacht].", "[Dames en heren|Mannen en vrouwen] vanaf [18|21] jaar "
             "met rijbewijs B [gezocht|welkom]."],
            ["Je rijdt [met onze auto|met eigen scooter|in een bestelbus] door {city} en omgeving.",
             "[Ritten|Bezorgingen] [naar Schiphol|in de regio|door heel Nederland], [ook in het weekend|"
             "ook 's nachts].", "[Chauffeurspas|Rijbewijs B] [is een pré|vereist|regelen wij]."],
            ["€ {wage} per uur [plus fooi|plus nachttoeslag|].", "Goed salaris: € {wage} per uur, "
             "[nachttoeslag|reiskosten] vergoed.", "Verdien € {wage} per uur [en houd je fooi|]."],
            [0.4, "Ook [nieuwkomers|mensen uit het buitenland|mensen van buiten de regio] zijn welkom, "
             "[we helpen met huisvesting|Nederlands spreken is een pré].", "Nieuw in de stad? Dit is een "
             "[goede|mooie] start."],
            ["Bel {phone} [of mail {email}|] [24/7|dag en nacht|].", "Aanmelden via {email}.",
             "[App|Bel] naar {phone} voor een kennismaking."],
        ],
    },
    "camp": {
        "title": ["[Zomerkamp|Tienerkamp|Jongerenkamp|Zeilkamp] {city} [{month}|]",
                  "Kamp voor tieners van {young} tot 17 jaar", "[Sportkamp|Paardenkamp|Survivalkamp] voor "
                  "jongeren [nog plaatsen vrij|]"],
        "body": [
            ["Een week [kamperen|zeilen|sporten|avontuur] voor [jongens en meiden|tieners|jongeren] van "
             "{young} tot 17 jaar.", "Voor [meiden|meisjes|jongens] van {young}-{teen} jaar organiseren wij een "
             "[onvergetelijk|sportief] kamp.", "Ons tienerkamp [in de Ardennen|op de Veluwe|aan zee] is er "
             "voor jongeren van {young} tot {teen}."],
            ["[24/7|Dag en nacht] begeleiding door [ervaren|gediplomeerde] leiding.",
             "Er is 24/7 toezicht [en een EHBO'er aanwezig|door volwassen begeleiders].",
             "Begeleiding is [dag en nacht|24 uur per dag] aanwezig."],
            ["Van {day} {date} {month} tot {day2}.", "Vertrek {date} {month}, [een week|vijf dagen] lang.",
             "[Twee|Drie] weken in de zomer, [meerdere|twee] data."],
            ["Prijs: € {mid} [inclusief eten en slapen|all-in|per kind].", "Kosten € {mid} per deelnemer "
             "[, korting voor broers en zussen|].", "Deelname € {mid}, vervoer [inbegrepen|zelf regelen]."],
            [0.6, "[Nieuw dit jaar|Extra]: [kanoën|klimmen|een bonte avond].",
             "Ouders krijgen dagelijks een update."],
            ["Inschrijven via {email}.", "Vragen? Bel {phone}.", "Aanmelden via onze website of {phone}."],
        ],
    },
    "school": {
        "title": ["[Schoolfeest|Eindfeest|Gala|Kerstbal] [van het|] [{city} College|Lyceum {city}|"
                  "Montessori {city}]", "Feest voor [brugklassers|bovenbouw|leerlingen] {date} {month}",
                  "Open dag [Lyceum|College] {city}"],
        "body": [
            ["[Alle leerlingen|Bovenbouwleerlingen|Leerlingen van 4 en 5 havo] zijn welkom op ons "
             "[schoolfeest|gala|feest].", "Het [eindfeest|schoolfeest] is voor leerlingen van {teen} tot "
             "18 jaar.", "Een avond [dansen|feest] voor [scholieren|leerlingen] [vanaf 15|van {teen}] jaar."],
            ["Entree € {small} [, drankjes € 2|]. Alleen [met schoolpas|met kaartje].",
             "Kaartjes kosten € {small} en zijn te koop bij de [conciërge|aula].",
             "Toegang € {small} [, geen alcohol|; er is geen alcohol]."],
            ["[{day} {date} {month}|Op {day}] van 20:00 tot [00:00|23:30].", "De deuren gaan open om "
             "{hour}.", "Het feest is op {day} in [de aula|sporthal|De Meester]."],
            [0.6, "[Mentoren|Docenten] zijn [de hele avond|] aanwezig.", "Ouders kunnen hun kind om "
             "[00:00|23:30] ophalen."],
            [0.7, "Vragen: {email}.", "Meer info bij [je mentor|de leerlingenraad] of via {phone}."],
        ],
    },
    "sports": {
        "title": ["[Voetbalclub|Hockeyclub|Volleybalvereniging|Zwemclub] {city} zoekt [nieuwe|] leden",
                  "[Meiden|Jongens|Jeugd] [O17|O15|onder 18] [zoekt spelers|team]",
                  "Training [na school|op woensdag] voor jeugd"],
        "body": [
            ["Ons [meidenteam|jeugdteam|team] [O17|O15|onder 18] zoekt [nieuwe|enthousiaste] "
             "[speelsters|spelers].", "Ben je {teen} jaar [of jonger|] en wil je [voetballen|hockeyen|"
             "volleyballen]?", "[Meiden|Jongens en meiden] van {young} tot {teen} [zijn welkom|kunnen "
             "meedoen]."],
            ["We trainen [na school|op {day} en {day2}] van [16:00|17:00] tot [17:30|18:30].",
             "Trainingen [na schooltijd|op {day}middag] op [ons sportpark|de sporthal].",
             "[Wedstrijden|Toernooien] op zaterdag in {city} en omgeving."],
            ["Contributie € {mid} per [seizoen|jaar].", "Lidmaatschap € {small} per maand.",
             "[Drie|Twee] keer gratis meetrainen!"],
            [0.5, "[Ervaren|Gediplomeerde] trainers, gezellige [club|kantine].",
             "Ook [nieuwe meiden|beginners] [uit de buurt|] zijn welkom."],
            ["Meld je aan bij {name} ({phone}).", "Info: {email}.", "[Bel|App] trainer {man}: {phone}."],
        ],
    },
    "sale": {
        "title": ["[Te koop|Aangeboden]: [meidenkleding|tienerkleding|kinderfiets|damesfiets|bank|"
                  "kast|spelcomputer|schoolboeken]", "[Uitverkoop|Opruiming] [tienermode|meidenmode|"
                  "dameskleding] [alles € {small}|]", "Tweedehands [spullen|kleding] {city}"],
        "body": [
            ["[Mooie|Nette|Weinig gebruikte] [kleding voor meiden|spijkerbroeken|jassen] maat [158|164|"
             "170|S|M], [nieuw|zo goed als nieuw].", "[Meidenfiets|Damesfiets|Bank|Kast] in [goede|prima] "
             "staat, [weinig gebruikt|net nieuwe banden].", "[Opruiming|Sale] in onze [winkel|boetiek]: "
             "[tienermode|meidenkleding] voor [tieners|meiden] van {young} tot {teen} jaar."],
            ["[Vraagprijs|Prijs] € {small} [per stuk|, bieden mag|].", "Alles € {small}!",
             "€ {small} [of beste bod|, vaste prijs]."],
            [0.5, "[Ophalen|Afhalen] in {city}.", "[Verzenden kan|Discreet verzonden|Discrete "
             "verzending] [, portokosten € 5|].", "Alleen ophalen, [niet bezorgen|geen verzending]."],
            [0.5, "[Beschikbaar|Op voorraad] tot en met {day}.", "Alleen deze week [!|.]",
             "[Geopend|Open] {day} t/m {day2} van {hour} tot 18:00."],
            ["[Bel of app|Reageren via] {phone}.", "Mail naar {email}.", "Bericht me [via de site|"
             "op {phone}]."],
        ],
    },
    "housing": {
        "title": ["[Kamer|Studentenkamer|Studio|Appartement] te huur in {city}", "Nieuw in de stad? "
                  "Kamer vrij!", "[Huisgenoot|Huisgenote] gezocht [{city}|]"],
        "body": [
            ["[Nieuw in {city}|Nieuw in de stad]? [Wij hebben|Er is] een [kamer|studio] vrij [per direct|"
             "per 1 {month}].", "In ons [studentenhuis|huis] in {city} komt een kamer vrij van [12|14|18] m².",
             "Gemeubileerde [kamer|studio] voor [student|starter] [, alleen voor meiden|, jongen of meid|]."],
            ["Huur € {mid} per maand [inclusief|exclusief] [g/w/e|servicekosten].",
             "Kosten: € {mid} p/m [all-in|, borg één maand].", "€ {mid} per maand, [direct beschikbaar|"
             "minimaal een jaar]."],
            [0.6, "[Je deelt keuken en badkamer met|Je woont samen met] {n} [studenten|huisgenoten].",
             "[Fietsenstalling|Wasmachine|Wifi] aanwezig.", "Op [loopafstand|fietsafstand] van het centrum."],
            [0.4, "Ook [internationale studenten|nieuwkomers|mensen uit het buitenland] zijn welkom.",
             "[Bezichtiging|Kijkavond] op {day} om {hour}."],
            ["[Reageer|Stuur een berichtje] met een korte [introductie|motivatie] naar {email}.",
             "[Bel|App] {name}: {phone}.", "Interesse? {phone}."],
        ],
    },
    "aupair": {
        "title": ["Au pair [bureau|agency] {city}", "Gastgezin gezocht voor au pair [uit het buitenland|]",
                  "[Ervaren|Lieve] au pairs beschikbaar [vanaf {month}|]"],
        "body": [
            ["Ons bureau [bemiddelt|koppelt] au pairs [uit het buitenland|uit Europa en daarbuiten] aan "
             "[gastgezinnen|gezinnen] in Nederland.", "[Onze|Nieuwe] au pairs [komen uit het buitenland|"
             "zijn jonge vrouwen van 18 tot 26] en [helpen|wonen een jaar] in het gezin.",
             "[Meisjes|Jongeren] van 18 tot 26 jaar [uit het buitenland|] [verblijven|wonen] een jaar bij "
             "een gastgezin."],
            ["Zij helpen met [de kinderen|oppassen|lichte huishoudelijke taken], [maximaal 30 uur per "
             "week|30 uur per week].", "[Zakgeld|Een vergoeding] van € {mid} per maand [plus kost en "
             "inwoning|].", "De au pair krijgt een eigen kamer en [taalles|een cursus Nederlands]."],
            [0.6, "[Alle|Onze] au pairs [hebben een referentie|zijn gescreend] en [spreken Engels|volgen "
             "een taalcursus].", "Wij regelen [visum|verzekering|de reis]."],
            ["[Meer informatie|Vrijblijvend kennismaken]? Bel {phone}.", "Mail {email}.",
             "Bezoek ons kantoor in {city} [of bel {phone}|]."],
        ],
    },
    "tutoring": {
        "title": ["Bijles [wiskunde|Engels|Nederlands|scheikunde|natuurkunde] [in {city}|aan huis|online]",
                  "Huiswerkbegeleiding [voor brugklas|havo/vwo|mbo]", "Student geeft bijles"],
        "body": [
            ["Ik ben {name}, [{age}|] [student|studente] [wiskunde|pabo|geneeskunde] en geef bijles aan "
             "[scholieren|leerlingen] van {young} tot 18 jaar.", "[Onze|Ervaren] docenten geven "
             "[bijles|huiswerkbegeleiding] aan [leerlingen|scholieren] [in de onderbouw|van havo en vwo].",
             "Hulp nodig bij [examens|toetsen|je profielwerkstuk]?"],
            ["[Tarief|Prijs]: € {wage} per uur [, proefles gratis|].", "Lessen kosten € {small} per "
             "[uur|les].", "€ {wage} per uur, [pakket van 10 lessen mogelijk|eerste les gratis]."],
            ["[Beschikbaar|Ik kan] [na schooltijd|op {day} en {day2}|in het weekend].",
             "[Bij jou thuis|Aan huis], [bij ons op locatie|online] of in de bibliotheek.",
             "Ook [in de avond|op zaterdag] mogelijk."],
            ["[Bel of app|Contact:] {phone}.", "[Mail|Stuur een mail naar] {email}.",
             "Reageer [hier|via de site]."],
        ],
    },
    "babysit": {
        "title": ["Oppas [beschikbaar|gezocht] in {city}", "[Lieve|Ervaren] babysitter ({teen}) zoekt "
                  "[gezinnen|oppaswerk]", "Gezin zoekt oppas voor [2|3] kinderen"],
        "body": [
            ["Hoi! Ik ben {name}, {teen} jaar, en ik [pas graag op|zoek oppaswerk] in {city}.",
             "Wij zoeken een [lieve|betrouwbare] oppas [vanaf 16 jaar|van {teen} jaar of ouder] voor onze "
             "kinderen van {n} en {young}.", "[Scholiere|Studente] ({teen}) [past op|biedt oppas] in de "
             "buurt."],
            ["[Beschikbaar|Kan] [na school|op {day}avond|in het weekend|tot {late}].",
             "[Oppassen|Het gaat om] [twee avonden per week|op vrijdagavond|na schooltijd].",
             "[Overdag in de vakanties|Ook 's avonds] [beschikbaar|mogelijk]."],
            ["€ {wage} per uur.", "Vergoeding € {wage} per uur [, na 23:00 € 2 extra|].",
             "[Tarief|Prijs] in overleg [, rond € {wage} per uur|]."],
            [0.5, "Ik heb [mijn diploma kinder-EHBO|ervaring met baby's|een VOG].", "Referenties op "
             "aanvraag."],
            ["[App|Bel] {phone}.", "Reageer via {email}.", "Stuur een berichtje aan {name}: {phone}."],
        ],
    },
    "dating": {
        "title": ["[Op zoek naar|Zoek] een leuke [man|vrouw|partner] in [{city}|de buurt]",
                  "{name} ({age}) zoekt [een maatje|vriendschap|een relatie]", "Samen [wandelen|koffie "
                  "drinken|uit eten]?"],
        "body": [
            ["Ik ben {name}, {age} jaar [en woon in {city}|uit {city}|].", "Spontane [vrouw|meid] van {age} "
             "[uit {city}|] zoekt [een leuke man|een maatje|een serieuze relatie].", "{name} hier, {age}, "
             "[single|sinds kort single] en [nieuw in {city}|woonachtig in {city}]."],
            ["Ik hou van [wandelen|koken|concerten|reizen|fietsen] en [een goed gesprek|gezellige avonden].",
             "Mijn hobby's zijn [hardlopen|lezen|films kijken|tekenen] en [mijn hond|mijn vrienden].",
             "[Werk|Ik werk] [in de zorg|als lerares|op kantoor] en [sport graag|ben dol op muziek]."],
            ["Ik zoek [een leuke man|iemand] [tussen {age} en 45|van mijn leeftijd] voor [een echte "
             "relatie|vriendschap en misschien meer].", "[Eerst|Graag] [koffie drinken|een wandeling] en "
             "kijken of het klikt.", "Geen [zakelijke|betaalde] contacten, [ik zoek iets echts|alleen "
             "serieuze reacties]."],
            [0.5, "[Rokers|Getrouwde mannen] [hoeven niet te reageren|niet reageren].",
             "Reageer met een [foto|berichtje] [over jezelf|]."],
            [0.7, "[Stuur|Reageer met] een bericht [via de site|hier].", "Mijn nummer krijg je na een "
             "[eerste gesprek|paar berichten]."],
        ],
    },
    "event": {
        "title": ["[Concert|Live muziek|Optreden] in [{city}|Paradiso|de Effenaar|TivoliVredenburg]",
                  "[Festival|Kermis|Braderie] {city} {date} {month}", "Kaarten [te koop|over] voor "
                  "[het concert|de show|het festival]"],
        "body": [
            ["[Onze band|De band|Coverband {man} & friends] speelt [op {day}|dit weekend] in {city}.",
             "[Een paar|Nog enkele] kaarten [over|te koop] voor [het concert|de voorstelling] van {day}.",
             "[Het festival|De kermis|De braderie] is [alleen dit weekend|maar drie dagen] in {city}."],
            ["[Entree|Kaartjes] € {small} [aan de deur|in de voorverkoop|].", "Prijs € {small} per kaart, "
             "[samen € {mid}|onder de kostprijs].", "Gratis [toegang|entree] [tot 21:00|voor kinderen]."],
            ["Deuren open om {hour}, [show|eerste optreden] om 21:00.", "[Van {day} {date} tot {day2}|"
             "Alleen op {day}] [op het plein|in het park].", "[Nieuw in de stad|Nieuw in {city}]? Kom "
             "[gezellig|] langs!"],
            [0.6, "[Dj|Band], [foodtrucks|drankjes] en [kinderactiviteiten|een gezellige sfeer].",
             "[Leeftijd|Toegang] vanaf 16 jaar [, onder de 18 geen alcohol|]."],
            ["[Bestellen|Info] via {email}.", "Bel {phone} [voor kaarten|].", "Zie onze pagina "
             "voor het programma."],
        ],
    },
    "service": {
        "title": ["[Verhuisservice|Schoonmaakbedrijf|Glazenwasser|Klusjesman|Kapper aan huis] {city}",
                  "[Discrete|Snelle] [verhuizing|ontruiming|schoonmaak]?", "[Schuldhulp|Administratiehulp] "
                  "[discreet|vertrouwelijk]"],
        "body": [
            ["[Wij verhuizen|Wij ontruimen|Wij maken schoon] [snel|vakkundig] en [discreet|netjes] in "
             "{city} en omgeving.", "[Discreet|Vertrouwelijk] [hulp bij schulden|administratieve hulp] "
             "[aan huis|op kantoor].", "[Klusjesman|Kapper] komt [bij u thuis|aan huis] [, ook 's avonds|]."],
            ["[Bereikbaar|Beschikbaar] [24/7|dag en nacht|ook in het weekend].", "[Spoed|Vandaag gebeld], "
             "[morgen geholpen|vandaag nog langs].", "[Ma t/m za|Elke dag] van {hour} tot 20:00."],
            ["Tarief € {small} per uur [, voorrijkosten € 15|].", "[Offerte|Prijsopgave] [gratis|"
             "vrijblijvend].", "Vanaf € {small} per [uur|klus]."],
            [0.4, "Nieuw in de stad? Wij helpen met [je verhuizing|de schoonmaak].",
             "Ook [voor bedrijven|voor studenten]."],
            ["Bel {phone}.", "[Mail|Offerte via] {email}.", "App {man}: {phone}."],
        ],
    },
    "pets": {
        "title": ["[Pups|Kittens|Konijntjes|Cavia's] [te koop|beschikbaar] in {city}",
                  "[Lieve|Gezonde] [pups|kittens] zoeken een [thuis|baasje]"],
        "body": [
            ["[Onze|Lieve] [pups|kittens] zijn {n} weken oud en [gechipt|ingeënt|ontwormd].",
             "[Er zijn|Nog] {n} [meisjes|reutjes|poesjes] beschikbaar [per direct|vanaf {day}]."],
            ["Prijs € {mid} [per stuk|inclusief paspoort].", "[Vraagprijs|Prijs] € {mid}.",
             "€ {small} [, alleen naar een goed thuis|]."],
            [0.5, "[Ouders|Moeder] [kunnen|kan] bekeken worden.", "Niet [verzenden|bezorgen], alleen "
             "ophalen."],
            ["[Bel|App] {phone}.", "Reageer via {email}."],
        ],
    },
    "hospitality": {
        "title": ["[Bediening|Barpersoneel|Hostesses|Gastvrouwen] gezocht [voor evenementen|in {city}]",
                  "[Horeca|Beurs|Evenementen]personeel gezocht [!|]"],
        "body": [
            ["Voor [beurzen|evenementen|ons café|ons restaurant] zoeken wij [meiden en jongens|hostesses|"
             "gastvrouwen en gastheren] vanaf {teen} jaar.", "[Representatieve|Vriendelijke] [hostesses|"
             "promotiemedewerkers] gezocht voor [een beurs in {city}|een festival|een sportevenement].",
             "Wij zoeken [barpersoneel|bediening] voor [avond- en nachtdiensten|het weekend]."],
            ["[Uurloon|Salaris] € {wage} [plus fooi|per uur|].", "Je verdient € {wage} per uur "
             "[, reiskosten vergoed|].", "€ {wage} p/u [, uitbetaling per week|]."],
            ["[Diensten|Werktijden] [overdag en 's avonds|tot {late}|in het weekend].", "[Flexibel|"
             "Oproep]basis, [jij geeft je beschikbaarheid door|minimaal twee diensten per maand].",
             "[Nieuw in de stad|Student]? [Leuke bijbaan|Ideaal naast je studie]!"],
            ["Solliciteer via {email}.", "Bel {phone}.", "Stuur je cv en een foto naar {email}."],
        ],
    },
    "beauty": {
        "title": ["[Kapper|Nagelstyliste|Visagiste|Schoonheidsspecialiste] [aan huis|in {city}]",
                  "[Nieuwe salon|Salon {name}] in {city} [geopend|]", "{name} [knipt|stylt] ook bij jou thuis"],
        "body": [
            ["Ik ben {name} en [kom bij je thuis|werk vanuit mijn salon] in {city} [en omgeving|].",
             "[Knippen|Gellak|Make-up voor je gala|Wenkbrauwen] [voor dames en meiden|voor iedereen|"
             "voor de hele familie].", "[Onze salon|Mijn salon] is [nieuw in {city}|net open] [!|.]"],
            ["[Knippen|Gellak|Make-up] € {small}, [verven|extensions] vanaf € {mid}.",
             "[Behandeling|Een afspraak] van [30 minuten|een uur] € {small}.", "Prijzen vanaf € {small}."],
            ["[Op afspraak|Alleen op afspraak], [ook 's avonds|ook in het weekend|{day} t/m {day2}].",
             "[Beschikbaar|Open] van {hour} tot 21:00.", "[Vandaag|Deze week] nog plek[!|.]"],
            ["[Bel of app|Afspraak maken:] {phone}.", "Boek via {email}.", "{phone} [bellen of appen|]."],
        ],
    },
    "rental": {
        "title": ["[Vakantiehuis|Appartement|Chalet|B&B] te huur [aan zee|in {city}|op de Veluwe]",
                  "[Last minute|Nog vrij]: [vakantiewoning|appartement] {city}"],
        "body": [
            ["[Gezellig|Ruim|Modern] [appartement|vakantiehuis] voor {n} personen [in het centrum van "
             "{city}|vlak bij het strand|midden in het bos].", "[Onze B&B|Ons appartement] [ligt|is] "
             "[bij het station|op loopafstand van het centrum]."],
            ["€ {small} per nacht, [minimaal twee nachten|schoonmaak € 25].", "[Prijs|Huur] € {mid} per "
             "week [, per nacht € {small}|].", "Per nacht € {small} [inclusief ontbijt|]."],
            ["[Vrij|Beschikbaar] van {day} {date} {month} tot {day2}.", "[Inchecken|Aankomst] vanaf "
             "{hour}, [uitchecken|vertrek] voor 11:00.", "[Ook|Alleen] [in het weekend|voor korte "
             "verblijven]."],
            ["[Bel|Boek via] {phone}.", "Mail {email}.", "Reserveren: {phone}."],
        ],
    },
    "lessons": {
        "title": ["[Dansles|Gitaarles|Zangles|Pianoles|Zwemles] [voor meiden|voor tieners|in {city}]",
                  "[Dansschool|Muziekschool] {city}: [nieuwe groepen|proefles]"],
        "body": [
            ["[Nieuwe groep|Lessen] voor [meiden|tieners|jongeren] van {young} tot 18 jaar [op {day}|"
             "na school].", "Ik ben {name} ({age}) en geef [gitaarles|zangles|pianoles] [aan huis|in "
             "{city}|online].", "[Hiphop|Ballet|Salsa] voor [beginners|gevorderden], [meiden en "
             "jongens|iedereen vanaf 12]."],
            ["[Les|Een les van een uur] € {small}, [proefles gratis|tienrittenkaart € {mid}].",
             "€ {small} per [uur|les|maand].", "[Lesgeld|Kosten] € {mid} per [seizoen|half jaar]."],
            ["[Lessen|Les] op {day} van {hour} tot [18:00|20:00].", "[Elke week|Wekelijks] op {day}.",
             "[Tijden|Dagen] in overleg."],
            ["[Aanmelden|Info]: {phone}.", "Mail {email}.", "[App|Bel] {name}: {phone}."],
        ],
    },
    "trainer": {
        "title": ["Personal trainer [in {city}|aan huis|online]", "[Bootcamp|Hardloopgroep|Yoga] {city}"],
        "body": [
            ["Ik ben {name}, {age}, [personal trainer|yogadocent|sportcoach] in {city}.", "[Fitter|"
             "Sterker] worden? [Ik train je|Wij trainen je] [bij jou thuis|in het park|in onze studio]."],
            ["[Training|Een sessie] van een uur € {small} [, intake gratis|].", "{n} lessen voor € {mid}.",
             "€ {small} per [uur|les], [duo-training|groepsles] [mogelijk|goedkoper]."],
            ["[Beschikbaar|Trainingen] [vroeg in de ochtend|'s avonds|in het weekend] [, ook op "
             "{day}|].", "Via de app [24/7|dag en nacht] [contact|bereikbaar] voor [vragen|je schema]."],
            ["[Bel|App] {phone}.", "Mail {email}.", "Gratis proefles? {phone}."],
        ],
    },
    "oneliner": {
        "title": ["[Te koop|Gezocht|Gevonden|Gratis]", "{city}"],
        "body": [
            ["Auto te koop: [Opel Corsa|Toyota Yaris|VW Polo] 20{date}, [APK tot {month}|weinig km], {mid} "
             "euro.", "Fiets gestolen bij het station in {city}, beloning {small} euro.", "Gevonden: "
             "[sleutelbos|portemonnee|bril] bij [de bakker|het park] in {city}.", "Wie kan {day} mijn kat "
             "voeren? {small} euro.", "Bank gratis af te halen in {city}.", "Lift gezocht naar {city2} op "
             "{day}, benzine delen.", "[Kinderwagen|Box|Kinderstoel] [te koop|over], {small} euro.",
             "Oppas nodig {day}avond voor {n} kinderen, {wage} per uur.", "[Tuinman|Klusjesman] "
             "gezocht in {city}, [vandaag nog|deze week].", "Wie wil er mee [hardlopen|wandelen] op "
             "{day} in {city}?"],
            [0.5, "Bel {phone}.", "[Reageer|Bericht] hier.", "{phone}"],
        ],
    },
}

# ---------------------------------------------------------------------------------------------------
# Non-adult listings, English
# ---------------------------------------------------------------------------------------------------

_NON_ADULT_EN: dict[str, Topic] = {
    "job": {
        "title": ["[Now hiring|Hiring|Job opening]: [shelf stacker|cashier|dishwasher|Saturday helper|"
                  "barista]", "Part-time job for students in {city}", "Summer job [at our bakery|at the "
                  "garden centre|at the ice cream parlour]", "[Seasonal work|Harvest help|Fruit pickers] "
                  "[on the farm|at the campsite] near {city}", "[Weekend|After-school] staff wanted"],
        "body": [
            ["We are looking for [students|teenagers|young people] aged {teen} and over for our "
             "[shop|bakery|supermarket] in {city}.", "Are you {teen} or older and looking for a [part-time "
             "job|job after school]?", "[Fruit farm|Campsite|Farm] [near {city}|{man}'s] needs [students|"
             "young people] aged {teen} to 18 for [picking|the harvest|the summer].", "[Girls and boys|Students] aged {teen} to 18 [wanted|welcome] for "
             "[Saturdays|evenings|the summer holidays]."],
            ["You work [on Saturdays|two evenings a week|during the summer|after school].",
             "Hours: {day} and {day2} from {hour} to 9pm.", "[Flexible|Fixed] hours, [weekends "
             "included|shifts day and night]."],
            ["Pay: £{wage} an hour [plus tips|depending on age|].", "You earn €{wage} per hour.",
             "Starting rate €{wage}/hour, [friendly team|staff discount]."],
            [0.6, "No experience needed, we train you.", "No experience? No problem!", "Training is "
             "provided in your first week."],
            ["Apply at {email} or call {phone}.", "Send your CV to {email}.", "Interested? [Text|Call] "
             "{man} on {phone}.", "Apply in store or online today."],
        ],
    },
    "transport": {
        "title": ["[Drivers|Taxi drivers|Couriers|Delivery riders] wanted [day and night|24/7|] in {city}",
                  "{city} cab company hiring drivers", "Delivery drivers needed [now|]",
                  "Job: [courier|van driver|bus driver] (day and night shifts)"],
        "body": [
            ["We run [24/7|day and night|seven days a week] and need [drivers|riders] [for day and night "
             "shifts|who can also work nights].", "Our [cab company|delivery service|courier firm] is "
             "hiring [new|] drivers [day and night|for all shifts].", "[Men and women|Anyone] aged "
             "[18|21]+ with a full driving licence [wanted|welcome]."],
            ["You drive [our cars|your own scooter|a company van] around {city}.", "[Airport runs|Local "
             "deliveries|Long distance jobs], [weekends too|nights too].", "Taxi licence [a plus|"
             "required|we can help you get one]."],
            ["€{wage} an hour [plus tips|plus night bonus|].", "Good pay: £{wage} per hour, [night "
             "premium|fuel] paid.", "Earn €{wage}/hour [and keep your tips|]."],
            [0.4, "Drivers [from abroad|new to the country|from outside the area] welcome, [we help with "
             "housing|English is fine].", "New in town? Great way to start."],
            ["Call {phone} [or email {email}|] [24/7|day or night|].", "Apply via {email}.",
             "[Text|Call] {phone} for an interview."],
        ],
    },
    "camp": {
        "title": ["[Summer camp|Teen camp|Youth camp|Sailing camp] {city} [{month}|]",
                  "Camp for teens aged {young} to 17", "[Sports|Horse riding|Adventure] camp for "
                  "teenagers [places left|]"],
        "body": [
            ["A week of [camping|sailing|sports|adventure] for [boys and girls|teens|young people] aged "
             "{young} to 17.", "For [girls|boys] aged {young}-{teen} we run an [unforgettable|active] "
             "camp.", "Our teen camp [in the hills|by the lake|at the coast] is for ages {young} to {teen}."],
            ["[24/7|Round the clock] supervision by [experienced|qualified] staff.", "There is 24/7 "
             "supervision [and a first aider on site|by adult leaders].", "Leaders are on site [day and "
             "night|24 hours a day]."],
            ["From {day} {month} {date} to {day2}.", "Departs {month} {date}, [one week|five days].",
             "[Two|Three] weeks in summer, [several|two] dates."],
            ["Price: €{mid} [including food and lodging|all in|per child].", "Cost £{mid} per camper "
             "[, sibling discount|].", "Fee €{mid}, transport [included|not included]."],
            [0.6, "[New this year|Extra]: [kayaking|climbing|a talent night].", "Parents get a daily "
             "update."],
            ["Sign up at {email}.", "Questions? Call {phone}.", "Register on our website or call {phone}."],
        ],
    },
    "school": {
        "title": ["[School dance|Prom|Leavers party|Winter formal] at [{city} High|{city} Academy|"
                  "St Mary's]", "Party for [year 9|sixth form|students] on {month} {date}",
                  "Open day [{city} College|{city} Academy]"],
        "body": [
            ["[All students|Sixth formers|Years 10 and 11] are welcome at our [school dance|prom|party].",
             "The [leavers party|prom] is for students aged {teen} to 18.", "A night of [dancing|fun] "
             "for [pupils|students] [aged 15 and up|aged {teen}]."],
            ["Entry €{small} [, drinks £2|]. [School ID required|Tickets only].", "Tickets cost £{small} "
             "from the [school office|hall].", "Entry €{small} [, no alcohol|; alcohol free event]."],
            ["[{day} {month} {date}|On {day}] from 8pm to [midnight|11:30pm].", "Doors open at {hour}.",
             "The party is on {day} in [the hall|the sports hall|the gym]."],
            [0.6, "[Teachers|Staff] will be there [all night|].", "Parents can pick up at [midnight|"
             "11:30]."],
            [0.7, "Questions: {email}.", "More info from [your tutor|the student council] or {phone}."],
        ],
    },
    "sports": {
        "title": ["[Football club|Hockey club|Volleyball club|Swim club] {city} [recruiting|wants new "
                  "players]", "[Girls|Boys|Youth] [U17|U15|under 18s] [need players|team]",
                  "Training [after school|on Wednesdays] for juniors"],
        "body": [
            ["Our [girls team|youth team|team] [U17|U15|under 18s] is looking for [new|keen] players.",
             "Are you {teen} [or younger|] and want to play [football|hockey|volleyball]?", "[Girls|Boys "
             "and girls] aged {young} to {teen} [welcome|can join]."],
            ["We train [after school|on {day} and {day2}] from [4pm|5pm] to [5:30pm|6:30pm].",
             "Training [after school|on {day} afternoons] at [our ground|the sports hall].",
             "[Matches|Tournaments] on Saturdays in {city} and around."],
            ["Membership €{mid} per [season|year].", "Fees £{small} a month.", "[Three|Two] free "
             "taster sessions!"],
            [0.5, "[Qualified|Experienced] coaches, friendly [club|clubhouse].", "[New girls|Beginners] "
             "[from the area|] welcome."],
            ["Contact {name} ({phone}).", "Info: {email}.", "[Call|Text] coach {man}: {phone}."],
        ],
    },
    "sale": {
        "title": ["[For sale|Selling]: [girls clothes|teen clothes|kids bike|ladies bike|sofa|wardrobe|"
                  "games console|school books]", "[Clearance|Sale] [teen fashion|girls fashion|ladies "
                  "wear] [everything €{small}|]", "Second hand [items|clothes] {city}"],
        "body": [
            ["[Nice|Lovely|Barely used] [girls clothes|jeans|coats] size [12-13|14|S|M], [new|as new].",
             "[Girls bike|Ladies bike|Sofa|Wardrobe] in [good|great] condition, [hardly used|new tyres].",
             "[Clearance|Sale] in our [shop|boutique]: [teen fashion|girls wear] for [teens|girls] aged "
             "{young} to {teen}."],
            ["[Asking price|Price] €{small} [each|, offers welcome|].", "Everything £{small}!",
             "€{small} [or best offer|, fixed price]."],
            [0.5, "[Pick up|Collection] in {city}.", "[Can post|Discreet packaging|Shipped discreetly] "
             "[, postage £3|].", "Collection only, [no delivery|no posting]."],
            [0.5, "[Available|In stock] until {day}.", "This week only[!|.]", "[Open|We're open] {day} "
             "to {day2} {hour} till 6pm."],
            ["[Call or text|Reply to] {phone}.", "Email {email}.", "Message me [here|on {phone}]."],
        ],
    },
    "housing": {
        "title": ["[Room|Student room|Studio|Flat] to rent in {city}", "New in town? Room available!",
                  "[Housemate|Flatmate] wanted [{city}|]"],
        "body": [
            ["[New in {city}|New in town]? [We have|There is] a [room|studio] free [now|from {month} 1].",
             "A [12|14|18] m² room is free in our [student house|shared house] in {city}.",
             "Furnished [room|studio] for [a student|a young professional] [, female only|, anyone|]."],
            ["Rent €{mid} a month [bills included|plus bills].", "Cost: £{mid} pcm [all in|, one month "
             "deposit].", "€{mid} per month, [available now|twelve month minimum]."],
            [0.6, "You share kitchen and bathroom with {n} [students|housemates].", "[Bike storage|"
             "Washing machine|Wifi] included.", "[Walking|Cycling] distance to the centre."],
            [0.4, "[International students|Newcomers|People from abroad] welcome.", "Viewing on {day} "
             "at {hour}."],
            ["Reply with a short [intro|note] to {email}.", "[Call|Text] {name}: {phone}.",
             "Interested? {phone}."],
        ],
    },
    "aupair": {
        "title": ["Au pair agency {city}", "Host family wanted for au pair [from abroad|]",
                  "[Experienced|Lovely] au pairs available [from {month}|]"],
        "body": [
            ["Our agency [matches|places] au pairs [from abroad|from all over the world] with host "
             "families.", "[Our|New] au pairs [arrive from abroad|are young women aged 18 to 26] and "
             "[help|live for a year] with the family.", "[Girls|Young people] aged 18 to 26 [from "
             "abroad|] stay a year with a host family."],
            ["They help with [the children|childcare|light housework], [up to 30 hours a week|30 hours "
             "a week].", "[Pocket money|An allowance] of €{mid} a month [plus room and board|].",
             "The au pair gets her own room and [language classes|a Dutch course]."],
            [0.6, "[All|Our] au pairs [have references|are screened] and [speak English|take a language "
             "course].", "We arrange [the visa|insurance|travel]."],
            ["[More information|Free consultation]? Call {phone}.", "Email {email}.", "Visit our office "
             "in {city} [or call {phone}|]."],
        ],
    },
    "tutoring": {
        "title": ["[Maths|English|Chemistry|Physics] tutoring [in {city}|at home|online]",
                  "Homework help [for year 7|GCSE|A level]", "Student offers tutoring"],
        "body": [
            ["I'm {name}, [{age}|] a [maths|teaching|medical] student, tutoring [pupils|students] aged "
             "{young} to 18.", "[Our|Experienced] tutors help [students|pupils] [with GCSE|with "
             "exams|in secondary school].", "Need help with [exams|tests|coursework]?"],
            ["[Rate|Price]: €{wage} an hour [, first lesson free|].", "Lessons cost £{small} per "
             "[hour|session].", "€{wage}/hour, [bundle of 10 lessons|free trial lesson]."],
            ["[Available|I can do] [after school|{day} and {day2}|weekends].", "[At your home|At our "
             "centre], [online|in the library].", "[Evenings|Saturdays] possible too."],
            ["[Call or text|Contact:] {phone}.", "[Email|Write to] {email}.", "Reply [here|via the site]."],
        ],
    },
    "babysit": {
        "title": ["Babysitter [available|wanted] in {city}", "[Friendly|Experienced] babysitter ({teen}) "
                  "looking for [families|work]", "Family needs a sitter for [2|3] kids"],
        "body": [
            ["Hi! I'm {name}, {teen}, and I [love babysitting|am looking for babysitting jobs] in {city}.",
             "We need a [kind|reliable] sitter [aged 16+|aged {teen} or over] for our kids aged {n} and "
             "{young}.", "[Student|Sixth former] ({teen}) [offers babysitting|babysits] locally."],
            ["[Available|Free] [after school|{day} evenings|at weekends|until {late}].", "[Sitting|The "
             "job is] [two evenings a week|on Friday nights|after school].", "[Daytime in the holidays|"
             "Evenings too] [available|possible]."],
            ["€{wage} an hour.", "Pay £{wage} per hour [, after 11pm £2 extra|].", "[Rate|Price] "
             "negotiable [, about €{wage} an hour|]."],
            [0.5, "I have [a paediatric first aid certificate|experience with babies|a DBS check].",
             "References on request."],
            ["[Text|Call] {phone}.", "Reply to {email}.", "Message {name}: {phone}."],
        ],
    },
    "dating": {
        "title": ["[Looking for|Seeking] a nice [man|woman|partner] in [{city}|the area]",
                  "{name} ({age}) seeks [a friend|friendship|a relationship]", "Coffee or a walk together?"],
        "body": [
            ["I'm {name}, {age} [and live in {city}|from {city}|].", "Easy-going [woman|girl] of {age} "
             "[from {city}|] looking for [a kind man|a friend|a serious relationship].", "{name} here, "
             "{age}, [single|recently single] and [new in {city}|living in {city}]."],
            ["I love [hiking|cooking|concerts|travel|cycling] and [a good chat|cosy evenings].",
             "My hobbies are [running|reading|films|drawing] and [my dog|my friends].", "I work [in "
             "healthcare|as a teacher|in an office] and [like sport|love music]."],
            ["Looking for [a nice man|someone] [aged {age} to 45|my age] for [a real relationship|"
             "friendship and maybe more].", "[First|Let's start with] [a coffee|a walk] and see if we "
             "click.", "No [business|paid] contacts, [I want something real|serious replies only]."],
            [0.5, "[Smokers|Married men] need not reply.", "Reply with a [photo|message] [about "
             "yourself|]."],
            [0.7, "[Send|Reply with] a message [via the site|here].", "You get my number after a "
             "[first chat|few messages]."],
        ],
    },
    "event": {
        "title": ["[Concert|Live music|Gig] in [{city}|the park|the town hall]", "[Festival|Fair|Street "
                  "market] {city} {month} {date}", "Tickets [for sale|spare] for [the concert|the show|"
                  "the festival]"],
        "body": [
            ["[Our band|The band|{man} & friends] play [on {day}|this weekend] in {city}.", "[A few|Some] "
             "tickets [spare|for sale] for [the concert|the show] on {day}.", "[The festival|The fair|The "
             "market] is in {city} [this weekend only|for three days only]."],
            ["[Entry|Tickets] €{small} [on the door|in advance|].", "£{small} per ticket, [both for "
             "£{mid}|below face value].", "Free [entry|admission] [until 9pm|for kids]."],
            ["Doors at {hour}, [show|first act] at 9pm.", "[From {day} to {day2}|{day} only] [on the "
             "square|in the park].", "[New in town|New in {city}]? Come [along|and say hi]!"],
            [0.6, "[DJ|Band], [food trucks|drinks] and [kids activities|a great vibe].", "[Ages|Entry] "
             "16+ [, no alcohol under 18|]."],
            ["[Order|Info] via {email}.", "Call {phone} [for tickets|].", "See our page for the line-up."],
        ],
    },
    "service": {
        "title": ["[Removals|Cleaning company|Window cleaner|Handyman|Mobile hairdresser] {city}",
                  "[Discreet|Fast] [house move|clearance|cleaning]?", "[Debt advice|Paperwork help] "
                  "[discreet|confidential]"],
        "body": [
            ["[We move|We clear|We clean] [fast|professionally] and [discreetly|tidily] in {city} and "
             "around.", "[Discreet|Confidential] [debt advice|paperwork help] [at home|at our office].",
             "[Handyman|Hairdresser] comes [to your home|to you] [, evenings too|]."],
            ["[Available|Reachable] [24/7|day and night|weekends too].", "[Emergency|Call today], "
             "[helped tomorrow|same day visit].", "[Mon to Sat|Every day] from {hour} to 8pm."],
            ["Rate €{small} an hour [, call-out £15|].", "[Quote|Estimate] [free|no obligation].",
             "From £{small} per [hour|job]."],
            [0.4, "New in town? We help with [your move|the cleaning].", "[Businesses|Students] too."],
            ["Call {phone}.", "[Email|Quote via] {email}.", "Text {man}: {phone}."],
        ],
    },
    "pets": {
        "title": ["[Puppies|Kittens|Rabbits|Guinea pigs] [for sale|available] in {city}",
                  "[Lovely|Healthy] [puppies|kittens] need a [home|owner]"],
        "body": [
            ["[Our|Lovely] [puppies|kittens] are {n} weeks old and [chipped|vaccinated|wormed].",
             "{n} [girls|boys|kittens] [still available|available now|ready from {day}]."],
            ["Price €{mid} [each|with passport].", "[Asking|Price] £{mid}.", "€{small} [, to a good "
             "home only|]."],
            [0.5, "[Parents|Mum] can be seen.", "No [posting|delivery], collection only."],
            ["[Call|Text] {phone}.", "Reply to {email}."],
        ],
    },
    "hospitality": {
        "title": ["[Waiting staff|Bar staff|Hostesses|Event hosts] wanted [for events|in {city}]",
                  "[Hospitality|Trade fair|Event] staff needed[!|]"],
        "body": [
            ["For [trade fairs|events|our cafe|our restaurant] we need [girls and boys|hostesses|hosts] "
             "aged {teen}+.", "[Smart|Friendly] [hostesses|promo staff] wanted for [a trade fair in "
             "{city}|a festival|a sports event].", "We're hiring [bar staff|waiting staff] for [evening "
             "and night shifts|weekends]."],
            ["[Pay|Wage] €{wage} [plus tips|an hour|].", "You earn £{wage} per hour [, travel paid|].",
             "€{wage}/h [, paid weekly|]."],
            ["[Shifts|Hours] [day and evening|until {late}|at weekends].", "[Flexible|On call] work, "
             "[you choose your shifts|two shifts a month minimum].", "[New in town|Student]? [Great side "
             "job|Fits around your studies]!"],
            ["Apply via {email}.", "Call {phone}.", "Send your CV and a photo to {email}."],
        ],
    },
    "beauty": {
        "title": ["[Hairdresser|Nail technician|Make-up artist|Beautician] [mobile|in {city}]",
                  "[New salon|Salon {name}] in {city} [now open|]", "{name} [does hair|styles] at your "
                  "home too"],
        "body": [
            ["I'm {name} and I [come to your home|work from my salon] in {city} [and nearby|].",
             "[Haircuts|Gel nails|Prom make-up|Brows] [for ladies and girls|for everyone|for the whole "
             "family].", "[Our salon|My salon] is [new in {city}|just opened][!|.]"],
            ["[Haircut|Gel nails|Make-up] €{small}, [colour|extensions] from £{mid}.",
             "[Treatment|An appointment] of [30 minutes|an hour] €{small}.", "Prices from £{small}."],
            ["[By appointment|Appointments only], [evenings too|weekends too|{day} to {day2}].",
             "[Available|Open] from {hour} till 9pm.", "[Today|This week] slots left[!|.]"],
            ["[Call or text|Book:] {phone}.", "Book via {email}.", "{phone} [call or text|]."],
        ],
    },
    "rental": {
        "title": ["[Holiday home|Apartment|Cabin|B&B room] to let [by the sea|in {city}|in the woods]",
                  "[Last minute|Still free]: [holiday let|apartment] {city}"],
        "body": [
            ["[Cosy|Spacious|Modern] [apartment|cottage] for {n} people [in {city} centre|near the "
             "beach|in the woods].", "[Our B&B|Our flat] is [near the station|a short walk from the "
             "centre]."],
            ["€{small} per night, [two nights minimum|cleaning £25].", "[Price|Rent] £{mid} a week "
             "[, per night €{small}|].", "Per night €{small} [breakfast included|]."],
            ["[Free|Available] from {day} {month} {date} to {day2}.", "Check-in from {hour}, check-out "
             "by 11am.", "[Weekends|Short stays] [too|only]."],
            ["[Call|Book on] {phone}.", "Email {email}.", "Bookings: {phone}."],
        ],
    },
    "lessons": {
        "title": ["[Dance|Guitar|Singing|Piano|Swimming] lessons [for girls|for teens|in {city}]",
                  "[Dance school|Music school] {city}: [new groups|free trial]"],
        "body": [
            ["[New group|Classes] for [girls|teens|young people] aged {young} to 18 [on {day}|after "
             "school].", "I'm {name} ({age}) and I teach [guitar|singing|piano] [at your home|in {city}|"
             "online].", "[Hip hop|Ballet|Salsa] for [beginners|improvers], [girls and boys|everyone "
             "12+]."],
            ["[Lesson|A one hour lesson] €{small}, [trial free|ten lessons £{mid}].", "£{small} per "
             "[hour|lesson|month].", "[Fees|Cost] €{mid} per [term|half year]."],
            ["[Classes|Lessons] on {day} from {hour} to [6pm|8pm].", "[Every week|Weekly] on {day}.",
             "[Times|Days] to suit you."],
            ["[Sign up|Info]: {phone}.", "Email {email}.", "[Text|Call] {name}: {phone}."],
        ],
    },
    "trainer": {
        "title": ["Personal trainer [in {city}|at home|online]", "[Bootcamp|Running club|Yoga] {city}"],
        "body": [
            ["I'm {name}, {age}, a [personal trainer|yoga teacher|sports coach] in {city}.", "[Get fit|"
             "Get stronger]? [I train you|We train you] [at your home|in the park|in our studio]."],
            ["[Training|A session] of one hour €{small} [, free intake|].", "{n} sessions for £{mid}.",
             "£{small} per [hour|class], [couples training|group class] [possible|cheaper]."],
            ["[Available|Sessions] [early mornings|evenings|weekends] [, {day} too|].", "On the app "
             "[24/7|day and night] for [questions|your plan]."],
            ["[Call|Text] {phone}.", "Email {email}.", "Free trial? {phone}."],
        ],
    },
    "oneliner": {
        "title": ["[For sale|Wanted|Found|Free]", "{city}"],
        "body": [
            ["Car for sale: [Ford Fiesta|Toyota Yaris|VW Polo] 20{date}, [MOT till {month}|low miles], "
             "£{mid}.", "Bike stolen at {city} station, reward £{small}.", "Found: [keys|a wallet|"
             "glasses] near [the bakery|the park] in {city}.", "Can anyone feed my cat on {day}? "
             "£{small}.", "Free sofa, collect in {city}.", "Lift wanted to {city2} on {day}, share fuel.",
             "[Pram|Playpen|High chair] [for sale|spare], £{small}.", "Sitter needed {day} evening for "
             "{n} kids, {wage} an hour.", "[Gardener|Handyman] wanted in {city}, [today|this week].",
             "Anyone up for a [run|walk] on {day} in {city}?"],
            [0.5, "Call {phone}.", "[Reply|Message] here.", "{phone}"],
        ],
    },
}

# ---------------------------------------------------------------------------------------------------
# Adult (escort-style) ads: name, age, city, availability, arrangements, price, contact - nothing else
# ---------------------------------------------------------------------------------------------------

_ADULT_NL: dict[str, Topic] = {
    "independent": {
        "title": ["{name} ({age}) [in|-] {city}", "[Nieuw|Nu] in {city}: {name}, {age}", "{name} [ontvangt|"
                  "escort] {city}", "[Privé ontvangst|Escort] {city} - {name}", "{name}, {age} jaar"],
        "body": [
            ["Hoi heren, ik ben {name}, {age} jaar [en ontvang in {city}|uit {city}|].", "Ik ben {name} "
             "({age}) en [ik ontvang|ontvang jou] [privé|discreet] in {city}.", "{name} hier, {age} jaar, "
             "[nu in {city}|in {city} en omgeving]."],
            ["[Privé ontvangst|Ontvangst] [in mijn appartement|op een discreet adres|in {city}] of "
             "[escort|hotelbezoek|bij jou thuis].", "[Alleen|Ook] [escort naar hotel|hotelbezoek|thuis"
             "bezoek] [in de regio|in {city} en omstreken].", "Ik kom [naar je hotel|bij je thuis] of "
             "je komt [bij mij|naar mijn privé adres]."],
            ["[Beschikbaar|Bereikbaar] [van {hour} tot {late}|dag en nacht|24/7|ook in het weekend].",
             "[Vandaag|Vanavond|Deze week] [beschikbaar|nog plek] [vanaf {hour}|].", "[Ma t/m vr|Elke "
             "dag] [van {hour} tot {late}|op afspraak]."],
            ["[Half uur|30 min] {half}, [uur|1 uur] {full}.", "{half} per half uur, {full} per uur "
             "[, nacht {night}|].", "Tarief: {full} per uur [, escort + reiskosten|, vooraf te "
             "voldoen].", "{half} [rozen|euro] [half uur|30 minuten], {full} [rozen|euro] [uur|heel "
             "uur]."],
            [0.5, "[Alleen|Graag] [nette|beschaafde|serieuze] heren.", "Geen [anonieme|privé] nummers.",
             "[Afspraak|Een afspraak] [minimaal|graag] een uur van tevoren."],
            ["[Bel of app|Bel|App|Sms] {phone}.", "[Bel of sms|Bel] {name}: {phone}.", "[Bellen|Contact] "
             "via {phone} [, geen sms|, geen mail|]."],
        ],
    },
    "plain": {
        "title": ["{name} {age}", "{name} ({age})", "{name} - {city}", "[Escort|Ontvangst] {city}",
                  "{name} {age} {city}"],
        "body": [
            ["{name} {age} [jaar|jr], {city}.", "{name}, {age}, {city}.", "{city}. {name} ({age})."],
            [0.7, "[Ontvangst en escort|Privé ontvangst|Alleen escort|Hotel en thuis].",
             "[Ontvang|Kom] [privé|ook bij je thuis].", "[Escort|Ontvangst] [mogelijk|op afspraak]."],
            [0.6, "{half} [half uur|30 min] / {full} [uur|60 min].", "{full} p/u.", "{full} per uur.",
             "[Half uur|30 min] {half}."],
            [0.5, "[Vandaag|Nu] beschikbaar.", "[Dag en nacht|24/7].", "Vanaf {hour}."],
            ["[Bel|App|Bel/app] {phone}", "{phone}", "Tel {phone}"],
        ],
    },
    "agency": {
        "title": ["[Escortbureau|Escortservice] {city}", "[Nieuwe|Leuke] dames [beschikbaar|bij ons] in "
                  "{city}", "{many} dames [24/7|dag en nacht] beschikbaar"],
        "body": [
            ["[Ons bureau|Wij] [heeft|hebben] {many} [dames|meiden] [beschikbaar|klaar] in {city} en "
             "omgeving.", "[Elke week|Iedere week] [nieuwe dames|nieuwe meiden] [uit binnen- en "
             "buitenland|].", "[Kies|Bekijk] een dame [op onze site|uit de foto's] en wij [brengen haar|"
             "sturen haar] [naar je hotel|bij je thuis]."],
            ["[Onze|De] chauffeur [brengt|rijdt] de dame [en haalt haar weer op|naar jou toe].",
             "[Escort|Thuisbezoek|Hotelbezoek] [in heel Nederland|in de regio {city}].",
             "Wij zijn [24/7|dag en nacht|elke dag] bereikbaar."],
            ["[Prijzen|Tarieven]: [uur|1 uur] {full}, [twee uur|2 uur] [{night}|300], nacht {night}.",
             "Vanaf {full} per uur [inclusief reiskosten|, exclusief reiskosten|].",
             "{full} per uur [, contant of pin|, vooraf betalen]."],
            [0.5, "[Discreet|Discretie] [gegarandeerd|verzekerd].", "[Nette|Serieuze] heren [welkom|"
             "alleen]."],
            ["[Bel|Boek via] {phone}.", "Reserveren: {phone} [of {email}|].", "Bel de [centrale|receptie]: "
             "{phone}."],
        ],
    },
    "tour": {
        "title": ["[Nieuw|Net nieuw|Eerste keer] in {city}[!|]", "{name} [alleen deze week|{n} dagen] in "
                  "{city}", "[Laatste dagen|Nog even] in {city}"],
        "body": [
            ["[Nieuw in de stad|Net aangekomen in {city}]! Ik ben {name}, {age}.", "Ik ben {name} ({age}) "
             "en [alleen|maar] {n} dagen in {city}.", "{name}, {age}, [deze week|tot {day}] in {city}, "
             "daarna [naar {city2}|weer weg]."],
            ["[Ontvang|Ik ontvang] in [een hotel|een appartement] [bij het station|in het centrum].",
             "[Escort en ontvangst|Alleen ontvangst|Hotel en thuis].", "[Ontvangst|Bezoek] "
             "[in mijn hotel|op mijn kamer] [op afspraak|]."],
            ["[Beschikbaar|Bereikbaar] van {hour} tot {late}.", "[Van {day} tot {day2}|Tot en met {day}] "
             "[beschikbaar|in {city}].", "[Dag en nacht|24/7] beschikbaar."],
            ["{half} half uur, {full} uur.", "{full} per uur [, nacht {night}|].", "[Prijs|Tarief] {full} "
             "per uur."],
            ["[Bel|App|Sms] {phone} [, geen privé nummers|].", "{phone} [bel of app|].",
             "[Bel mij|Bel me]: {phone}."],
        ],
    },
    "companion": {
        "title": ["[Stijlvol|Discreet] gezelschap [in {city}|voor heren]", "{name}: [gezelschap|"
                  "companion] [{city}|voor diner en meer]", "[High class|Luxe] escort {city}"],
        "body": [
            ["[Stijlvolle|Charmante|Spontane] dame van {age} [biedt|voor] [gezelschap|een avond uit|"
             "diner date] [in {city}|].", "Ik ben {name}, {age}, en [vergezel heren|ga graag mee] naar "
             "[diner|zakendiner|een hotel].", "{name} ({age}) [voor discrete afspraken|biedt discrete "
             "afspraakjes] [in {city}|in de Randstad]."],
            ["[Afspraken|Boekingen] [minimaal twee uur|vanaf twee uur|vanaf één uur].", "[Discretie|"
             "Discreet] [is vanzelfsprekend|gegarandeerd].", "[Alleen|Ook] [hotel|thuis] [en "
             "overnachtingen|en weekenden]."],
            ["[Tarief|Donatie] {full} per uur, [avond|diner date] [{night}|500], nacht {night}.",
             "[Vanaf|Minimaal] {full} [per uur|euro per uur] [, reiskosten extra|].", "{full} per uur, "
             "{night} [per nacht|voor de nacht]."],
            [0.5, "[Alleen beschaafde heren|Heren vanaf 30] [met goede manieren|].", "Geen [anonieme|"
             "privé] nummers."],
            ["[Bel|Mail|App] {phone} [of {email}|].", "Contact: {email}.", "[Sms|App] {phone}."],
        ],
    },
    "club": {
        "title": ["[Privéhuis|Club|Ontvangstadres] {city}", "[Dagelijks|Vandaag] {many} dames "
                  "[aanwezig|in huis]", "[Privéhuis|Club] [{name}|De Roos|Venus] - {city}"],
        "body": [
            ["[Ons privéhuis|Onze club] in {city} [heeft|ontvangt met] [dagelijks|elke dag] {many} "
             "[dames|meiden] [aanwezig|in huis].", "[Welkom|Kom langs] bij [privéhuis|club] "
             "[{name}|De Roos] in {city}, [vlak bij de snelweg|aan de rand van de stad].",
             "[Wisselende dames|Nieuwe dames deze week], [kom langs en kies|bel voor wie er is]."],
            ["[Kamer|Ontvangst] [half uur|30 min] {half}, [uur|60 min] {full}.", "Prijzen [vanaf|"
             "beginnen bij] {half} [per half uur|].", "[Uur|1 uur] {full} [, inclusief kamer|, "
             "exclusief drankje|]."],
            ["[Open|Geopend] [dagelijks|ma t/m za] van {hour} tot {late}.", "[Ook op zondag|Ook "
             "'s nachts] open.", "[Parkeren|Gratis parkeren] voor de deur, [discreet|discrete] "
             "ingang."],
            [0.5, "[Heren|Alleen heren] vanaf 21 jaar.", "Geen [drugs|alcohol] in huis."],
            ["Bel {phone} [voor wie er vandaag is|].", "[Info|Bel]: {phone}.", "{phone} [of loop "
             "binnen|]."],
        ],
    },
    "paid_dating": {
        "title": ["[Jonge|Spontane] vrouw zoekt gulle heer", "{name} ({age}) zoekt [sugar daddy|"
                  "financiële steun]", "Afspraakjes tegen vergoeding {city}"],
        "body": [
            ["Ik ben {name}, {age}, en zoek een [gulle|vrijgevige] heer [in {city}|in de buurt] [voor "
             "afspraakjes|voor leuke afspraken].", "[Spontane|Lieve] [meid|vrouw] van {age} zoekt [een "
             "sugar daddy|een heer die mij verwent met geld|financiële steun]."],
            ["[Vergoeding|Een vergoeding] van {full} per [afspraak|keer] [, vooraf|].", "[Per afspraak|"
             "Een avond] {full}, [een weekend|een nacht] {night}.", "[Maandelijkse|Vaste] "
             "vergoeding [bespreekbaar|in overleg]."],
            ["[Ik kan|Beschikbaar] [overdag|'s avonds|in het weekend] [, ook hotel|].", "[Bij jou|In "
             "een hotel], [niet bij mij thuis|of bij mij]."],
            ["[App|Sms] {phone}.", "[Bericht|Mail] naar {email}.", "Serieuze heren: {phone}."],
        ],
    },
    "recruit": {
        "title": ["[Escortbureau|Privéhuis|Club] zoekt [dames|nieuwe dames|meiden]",
                  "[Verdien|Bijverdienen] [{night} per week|snel geld] als escort", "Dames gezocht "
                  "[voor escort|voor ons privéhuis]"],
        "body": [
            ["[Ons escortbureau|Ons privéhuis|Onze club] in {city} zoekt [dames|meiden] [vanaf 18|van 18 "
             "tot 30] [voor escort en ontvangst|om bij ons te werken].", "[Wil je|Zoek je] [snel|goed] "
             "geld verdienen als escort?", "[Dames|Meiden] [gezocht|welkom] [voor escort|voor "
             "ontvangst], [ook zonder ervaring|ervaring niet nodig]."],
            ["Je verdient [tot|minimaal] {night} per [week|dag].", "[Hoge verdiensten|Goede "
             "verdiensten], [dagelijks|wekelijks] uitbetaald.", "[Wij regelen|Inclusief] "
             "[vervoer, chauffeur en kamer|woonruimte|een kamer boven de club]."],
            ["[Discreet|Discretie] [gegarandeerd|verzekerd].", "[Ook|Graag] [studentes|dames van "
             "buiten de regio] welkom.", "[Flexibele|Zelf je] [uren|tijden] [kiezen|]."],
            ["[App|Bel] {phone} [met een foto|].", "Mail [een foto en je leeftijd|je gegevens] naar "
             "{email}.", "Interesse? {phone}."],
        ],
    },
    "signals": {
        "title": ["{name} {age}", "{name}, {city}", "{city}", "[Nieuw|Alleen overdag|Nu] - {name}"],
        "body": [
            [0.8, "{name}, {age}, {city}.", "{age} [jr|jaar], {city}.", "Ik ben {name} uit {city}.",
             "{name} hier."],
            ["[Alleen|Kan alleen] [na schooltijd|op woensdagmiddag|in het weekend en na school].",
             "Mijn ouders [weten|mogen] [van niks|het niet weten], dus [alleen overdag|alleen via snap].",
             "[Zit in|Ik zit in] [3 havo|4 vmbo|de vierde|het laatste jaar van de middelbare].",
             "[Bijna|Net] 18 [, maar wel volwassen|, vraag gerust|].", "Woon nog [thuis|bij mijn ouders], "
             "[dus alleen overdag|afspraak bij jou]."],
            ["[Afspraken|Boekingen] [via mijn vriend|via mijn neef|via de manager], [hij regelt alles|ik neem "
             "zelf niet op].", "[Mijn|De] chauffeur [brengt me|rijdt] en [rekent af|neemt het geld aan].",
             "[Geen eigen telefoon|Ik heb geen telefoon], bel [het nummer van {man}|mijn vriend].",
             "[Woon|Slaap] [boven de salon|op het adres] en werk [elke dag|zeven dagen].", "Moet nog "
             "[een schuld|de reis] [afbetalen|terugbetalen], dus [elke dag|altijd] beschikbaar.",
             "Spreek geen Nederlands of Engels, [mijn vriend|{man}] [vertaalt|praat voor mij]."],
            ["[Laatste dagen|Nog maar {n} dagen] in {city}, [daarna|dan door naar] {city2}.",
             "Van {day} tot {day2} in {city}.", "Net verhuisd naar {city}, [eerste week|net begonnen].",
             "[Terug|Weer terug] na [een maand|een tijd] [in het buitenland|weg].", "Elke week een "
             "andere stad[, zie mijn agenda|]."],
            [0.7, "[Bel|App|Sms] {phone}.", "{phone}", "Alleen [sms|app|snap]."],
        ],
        "pick": 2,
    },
}

_ADULT_EN: dict[str, Topic] = {
    "independent": {
        "title": ["{name} ({age}) [in|-] {city}", "[New|Now] in {city}: {name}, {age}", "{name} [incall|"
                  "outcall|escort] {city}", "[Private incall|Escort] {city} - {name}", "{name}, {age}"],
        "body": [
            ["Hi gentlemen, I'm {name}, {age} [and I host in {city}|from {city}|].", "I'm {name} ({age}) "
             "and I [host|receive you] [privately|discreetly] in {city}.", "{name} here, {age}, [now in "
             "{city}|in {city} and nearby]."],
            ["[Incall|Private incall] [at my apartment|at a discreet address|in {city}] or [outcall|hotel "
             "visits|to your home].", "[Outcall only|Hotels only|Home visits] [in the area|in {city} and "
             "surroundings].", "I come [to your hotel|to your place] or you come [to me|to my private "
             "flat]."],
            ["[Available|Reachable] [from {hour} till {late}|day and night|24/7|weekends too].",
             "[Today|Tonight|This week] [available|a few slots left] [from {hour}|].",
             "[Mon to Fri|Every day] [{hour} to {late}|by appointment]."],
            ["[Half hour|30 min] {half}, [hour|1 hr] {full}.", "{half} per half hour, {full} per hour "
             "[, overnight {night}|].", "Rate: {full}/hour [, outcall + travel|, paid upfront].",
             "{half} [roses|] [30 min|half hour], {full} [roses|] [1 hour|hour]."],
            [0.5, "[Polite|Respectful|Serious] gentlemen only.", "No [private|withheld] numbers.",
             "Book at least an hour ahead."],
            ["[Call or text|Call|Text] {phone}.", "[Call or text|Call] {name}: {phone}.", "[Calls only|"
             "Contact] {phone} [, no texts|, no emails|]."],
        ],
    },
    "plain": {
        "title": ["{name} {age}", "{name} ({age})", "{name} - {city}", "[Escort|Incall] {city}",
                  "{name} {age} {city}"],
        "body": [
            ["{name} {age}, {city}.", "{name}, {age}, {city}.", "{city}. {name} ({age})."],
            [0.7, "[Incall and outcall|Incall only|Outcall only|Hotels and home].", "[Incall|Outcall] "
             "[available|by appointment].", "[Hosting|Visiting] [privately|too]."],
            [0.6, "{half} [30 min|hh] / {full} [1 hr|hour].", "{full}/hr.", "{full} an hour.", "[30 min|"
             "Half hour] {half}."],
            [0.5, "[Available|Here] now.", "[Day and night|24/7].", "From {hour}."],
            ["[Call|Text|Call/text] {phone}", "{phone}", "Tel {phone}"],
        ],
    },
    "agency": {
        "title": ["[Escort agency|Escort service] {city}", "[New|Lovely] ladies [available|with us] in "
                  "{city}", "{many} ladies available [24/7|day and night]"],
        "body": [
            ["[Our agency|We] [has|have] {many} [ladies|girls] [available|ready] in {city} and "
             "around.", "[Every week|Each week] [new ladies|new girls] [from home and abroad|].",
             "[Choose|Pick] a lady [on our site|from the photos] and we [bring her|send her] [to your "
             "hotel|to your home]."],
            ["[Our|The] driver [brings|drives] the lady [and collects her|to you].", "[Outcall|Home "
             "visits|Hotel visits] [all over the country|in the {city} area].", "We are open [24/7|day "
             "and night|every day]."],
            ["[Prices|Rates]: [1 hour|hour] {full}, [2 hours|two hours] [{night}|300], overnight {night}.",
             "From {full} an hour [travel included|, plus travel|].", "{full} per hour [, cash or card|, "
             "paid upfront]."],
            [0.5, "[Discretion|Discreet service] [guaranteed|assured].", "[Polite|Serious] gentlemen "
             "[welcome|only]."],
            ["[Call|Book on] {phone}.", "Bookings: {phone} [or {email}|].", "Call [reception|the office]: "
             "{phone}."],
        ],
    },
    "tour": {
        "title": ["[New|Just arrived|First time] in {city}[!|]", "{name} [this week only|{n} days] in "
                  "{city}", "[Last days|Final days] in {city}"],
        "body": [
            ["[New in town|Just arrived in {city}]! I'm {name}, {age}.", "I'm {name} ({age}) and [only|"
             "just] {n} days in {city}.", "{name}, {age}, [this week|until {day}] in {city}, then [off to "
             "{city2}|gone again]."],
            ["[Incall|Hosting] at [a hotel|an apartment] [near the station|in the centre].",
             "[Incall and outcall|Incall only|Hotel and home].", "[Incall|Visits] [in my hotel|in my "
             "room] [by appointment|]."],
            ["[Available|Reachable] from {hour} till {late}.", "[From {day} to {day2}|Until {day}] "
             "[available|in {city}].", "[Day and night|24/7] available."],
            ["{half} half hour, {full} hour.", "{full} an hour [, overnight {night}|].", "[Price|Rate] "
             "{full} an hour."],
            ["[Call|Text] {phone} [, no private numbers|].", "{phone} [call or text|].", "[Call me|Ring "
             "me]: {phone}."],
        ],
    },
    "companion": {
        "title": ["[Elegant|Discreet] companion [in {city}|for gentlemen]", "{name}: [companion|"
                  "company] [{city}|for dinner and more]", "[High class|Luxury] escort {city}"],
        "body": [
            ["[Elegant|Charming|Easy-going] lady of {age} [offers|for] [companionship|an evening out|"
             "dinner dates] [in {city}|].", "I'm {name}, {age}, and [accompany gentlemen|love joining "
             "you] to [dinner|business dinners|your hotel].", "{name} ({age}) [for discreet meetings|"
             "offers discreet dates] [in {city}|in the city]."],
            ["[Meetings|Bookings] [two hours minimum|from two hours|from one hour].", "[Discretion|"
             "Discreet] [is a given|guaranteed].", "[Hotels|Home visits] [and overnights|and weekends] "
             "[only|too]."],
            ["[Rate|Donation] {full} an hour, [evening|dinner date] [{night}|500], overnight {night}.",
             "[From|Minimum] {full} [an hour|per hour] [, travel extra|].", "{full} an hour, {night} "
             "[per night|overnight]."],
            [0.5, "[Gentlemen only|Gentlemen over 30] [with good manners|].", "No [withheld|private] "
             "numbers."],
            ["[Call|Email|Text] {phone} [or {email}|].", "Contact: {email}.", "[Text|Message] {phone}."],
        ],
    },
    "club": {
        "title": ["[Private house|Parlour|Club] {city}", "[Daily|Today] {many} ladies [on shift|"
                  "in the house]", "[Club|Parlour] [{name}|The Rose|Venus] - {city}"],
        "body": [
            ["[Our private house|Our club] in {city} has [daily|every day] {many} [ladies|girls] [on "
             "shift|working].", "[Welcome|Drop in] at [the parlour|club] [{name}|The Rose] in {city}, "
             "[near the ring road|on the edge of town].", "[Changing ladies|New ladies this week], [walk "
             "in and choose|call for who is on]."],
            ["[Room|Incall] [half hour|30 min] {half}, [hour|60 min] {full}.", "Prices [from|start at] "
             "{half} [per half hour|].", "[Hour|1 hr] {full} [, room included|, drinks extra|]."],
            ["[Open|We're open] [daily|Mon-Sat] from {hour} till {late}.", "[Sundays|Late nights] "
             "too.", "[Parking|Free parking] at the door, discreet entrance."],
            [0.5, "Gentlemen 21+ only.", "No [drugs|alcohol] in the house."],
            ["Call {phone} [for who is on today|].", "[Info|Call]: {phone}.", "{phone} [or walk in|]."],
        ],
    },
    "paid_dating": {
        "title": ["[Young|Fun] woman seeks generous gentleman", "{name} ({age}) seeks [a sugar daddy|"
                  "financial support]", "Dates for an allowance {city}"],
        "body": [
            ["I'm {name}, {age}, looking for a [generous|kind] gentleman [in {city}|nearby] [for "
             "dates|for regular meetings].", "[Fun|Sweet] [girl|woman] of {age} seeks [a sugar daddy|a "
             "gentleman to spoil me with money|financial support]."],
            ["[Allowance|A gift] of {full} per [date|meeting] [, upfront|].", "[Per date|An evening] "
             "{full}, [a weekend|a night] {night}.", "[Monthly|Regular] allowance [negotiable|to "
             "discuss]."],
            ["[I'm free|Available] [daytime|evenings|weekends] [, hotels too|].", "[Your place|A "
             "hotel], [not mine|or mine]."],
            ["[Text|Message] {phone}.", "[Message|Email] {email}.", "Serious gentlemen: {phone}."],
        ],
    },
    "recruit": {
        "title": ["[Escort agency|Parlour|Club] hiring [ladies|new ladies|girls]",
                  "[Earn|Make] [{night} a week|fast money] as an escort", "Ladies wanted [for escort|for "
                  "our parlour]"],
        "body": [
            ["[Our escort agency|Our parlour|Our club] in {city} is hiring [ladies|girls] [18+|aged 18 to "
             "30] [for incall and outcall|to work with us].", "[Want to|Looking to] earn [fast|good] "
             "money as an escort?", "[Ladies|Girls] [wanted|welcome] [for escort work|for incall], [no "
             "experience needed|experience not required]."],
            ["You earn [up to|at least] {night} a [week|day].", "[High|Good] earnings, paid "
             "[daily|weekly].", "[We arrange|Included:] [transport, driver and room|housing|a room "
             "above the club]."],
            ["[Discretion|Discreet] [guaranteed|assured].", "[Students|Ladies from out of town] "
             "[welcome|too].", "[Flexible|Choose your own] [hours|shifts]."],
            ["[Text|Call] {phone} [with a photo|].", "Email [a photo and your age|your details] to "
             "{email}.", "Interested? {phone}."],
        ],
    },
    "signals": {
        "title": ["{name} {age}", "{name}, {city}", "{city}", "[New|Days only|Now] - {name}"],
        "body": [
            [0.8, "{name}, {age}, {city}.", "{age}, {city}.", "I'm {name} from {city}.", "{name} here."],
            ["[Only|Free only] [after school|on Wednesday afternoons|weekends and after school].",
             "My parents [don't know|can't find out], so [days only|snap only].", "[In|I'm in] [year 11|"
             "10th grade|sixth form|my last year at school].", "[Almost|Just] 18 [, but mature|, ask "
             "me|].", "Still live [at home|with my parents], [so daytime only|your place only]."],
            ["[Bookings|Appointments] [through my boyfriend|through my cousin|through the manager], [he "
             "arranges it all|I don't pick up].", "[My|The] driver [brings me|drives me] and [takes the "
             "money|collects payment].", "[No phone of my own|I have no phone], call [{man}|my "
             "boyfriend].", "[Live|Sleep] [above the shop|at the place] and work [every day|seven days].",
             "Still [paying off a debt|paying back the trip], so [every day|always] available.",
             "No Dutch or English, [my friend|{man}] [translates|speaks for me]."],
            ["[Last days|Only {n} days] in {city}, [then|then on to] {city2}.", "{day} to {day2} in "
             "{city}.", "Just moved to {city}, [first week|just started].", "Back after [a month|a while] "
             "[abroad|away].", "A different city every week[, check my schedule|]."],
            [0.7, "[Call|Text] {phone}.", "{phone}", "[Text|Snap] only."],
        ],
        "pick": 2,
    },
}

# ---------------------------------------------------------------------------------------------------
# More ordinary listings (issue 14): everyday topics, many of them short and terse, Dutch
# ---------------------------------------------------------------------------------------------------

_MORE_NON_ADULT_NL: dict[str, Topic] = {
    "lost_found": {
        "title": ["[Gevonden|Verloren|Kwijt|Vermist]: [schooltas|rugzak|gymtas|sleutelbos|telefoon|bril|"
                  "knuffel|fietssleutel|portemonnee|jas|kat|hond|trui|ov-kaart]", "[Gevonden|Verloren] "
                  "[in {city}|bij het station|op het schoolplein|in de bus|bij de sporthal]",
                  "Wie is [dit|zijn|haar] [kwijt|tas kwijt|kat kwijt]?"],
        "body": [
            [0.7, "[Gevonden|Verloren] op {day} [bij de bushalte|op het schoolplein|in het park|bij de "
             "sporthal|in de trein naar {city2}|bij de supermarkt] in {city}.", "[Een|Zwarte|Blauwe|Roze] "
             "[rugzak|schooltas|gymtas] met [boeken|schriften|een etui|sportkleren] [erin|].",
             "[Onze|Mijn] [kat|hond|cavia] is [sinds {day}|al {n} dagen] weg [uit de wijk|bij ons thuis]."],
            ["[Naam|Een naam] [staat erin|op het etiket|op de halsband].", "[Kleur|Merk] en inhoud "
             "graag [beschrijven|noemen] bij [contact|reactie].", "[Beloning|Vindersloon] € {small}.",
             "Lag [bij de ingang|onder een bankje|naast de fietsenstalling]."],
            [0.8, "[Bel|App] {phone}.", "[Af te halen|Op te halen] bij de [receptie|conciërge|balie].",
             "Reageer hier [of bel {phone}|]."],
        ],
        "pick": 1,
    },
    "secondhand": {
        "title": ["[Te koop|Aangeboden|Weg|Zo goed als nieuw]: [jurk|galajurk|spijkerbroek|winterjas|"
                  "voetbalschoenen|schaatsen|schoolboeken|kinderfiets|rolschaatsen|trui|laarzen|sneakers] "
                  "[maat {size}|]", "[Kleding|Kinderkleding|Meidenkleding|Jongenskleding] maat {size}",
                  "Tweedehands [spullen|kleding|boeken] [te koop|weg]"],
        "body": [
            [0.8, "[Jurk|Galajurk|Spijkerbroek|Winterjas|Blazer|Rokje|Trui] maat {size}, [één keer "
             "gedragen|zo goed als nieuw|nauwelijks gedragen|licht gebruikt|met labels].",
             "[Voetbalschoenen|Schaatsen|Sneakers|Laarzen] maat [36|37|38|39|40|42], [weinig gebruikt|"
             "goede staat|kleine gebruikssporen].", "[Schoolboeken|Werkboeken] [havo 4|vwo 3|3 vmbo|"
             "brugklas] [wiskunde|biologie|Frans|geschiedenis], [niets in geschreven|netjes].",
             "[Kinderfiets|Meisjesfiets|Jongensfiets] [20|24|26] inch, [goede staat|nieuwe banden]."],
            ["€ {small} [per stuk|samen|of bieden|vaste prijs].", "Vraagprijs € {small}.", "[Gratis|"
             "Voor een klein bedrag] [af te halen|mee te nemen]."],
            [0.5, "[Ophalen|Afhalen] in {city}.", "[Verzenden kan|Kan verzonden worden], "
             "[verzendkosten voor koper|€ {small} extra].", "[Rookvrij|Huisdiervrij] huis."],
            [0.7, "[App|Bel] {phone}.", "Reageer [hier|via een bericht].", "{phone}"],
        ],
        "pick": 2,
    },
    "audition": {
        "title": ["Audities [jeugdtheater|musical|jeugdkoor|dansgroep|toneelgroep|band]",
                  "[Spelers|Zangers|Dansers|Figuranten] gezocht [voor onze voorstelling|voor een film|"
                  "{month}]", "[Jeugdtheater|Toneelclub|Musicalschool] {city} zoekt talent"],
        "body": [
            ["[Ons jeugdtheater|Onze musicalschool|Het jeugdkoor|Toneelgroep De Kleine Zaal] zoekt "
             "[spelers|zangers|dansers] van {young} tot {teen} jaar.", "[Audities|Open auditie] op {day} "
             "{date} {month} [in de schouwburg|in het buurthuis|op school] in {city}.",
             "Voor [een korte film|een reclame|onze voorstelling] zoeken we [kinderen|jongeren|"
             "figuranten] van [8 tot 12|{young} tot 17|16 tot 18] jaar."],
            ["[Ervaring|Toneelervaring] is niet nodig.", "Bereid [een liedje|een monoloog|een "
             "kort stukje] voor van [twee minuten|één minuut].", "Repetities op {day} [na "
             "school|van {hour} tot 17:00], [voorstellingen|première] in {month}.", "Ouders zijn welkom "
             "bij de auditie."],
            [0.5, "Deelname [kost|is] [€ {small} per seizoen|gratis].", "[Een vergoeding|Reiskosten] "
             "[voor de draaidagen|wordt vergoed]."],
            ["Aanmelden via {email}.", "[Opgeven|Inschrijven] [bij {name}|op de site|via {phone}].",
             "Vragen? [Bel|App] {phone}."],
        ],
        "pick": 2,
    },
    "kids_party": {
        "title": ["[Kinderfeestje|Kinderfeest|Verjaardagsfeestje] [met goochelaar|met clown|met "
                  "schminken|in de speeltuin|bij de manege|in het zwembad]", "Goochelaar [voor "
                  "kinderfeestjes|boeken]", "[Springkussen|Schminkset|Feestpakket] te huur"],
        "body": [
            ["[Goochelaar|Clown|Schminkster|Ballonnenartiest] {name} [komt bij u thuis|maakt er een "
             "feest van] voor kinderen van [4 tot 12|{n} tot 10] jaar.", "[Vier|Geef] het "
             "[kinderfeestje|verjaardagsfeestje] [bij ons|in onze speeltuin|op de boerderij] in {city}.",
             "[Springkussen|Partytent|Suikerspinmachine] te huur [voor een dag|per weekend]."],
            ["[Show|Voorstelling|Feest] van [1|2] uur voor € {mid}.", "€ {small} per kind, [inclusief "
             "limonade en taart|met een cadeautje].", "[Huur|Prijs] € {small} per dag [, borg € 50|]."],
            [0.6, "[Voor|Geschikt voor] groepjes tot {many} kinderen.", "[Woensdagmiddag|Zaterdag] en "
             "[zondag|in de vakanties] [mogelijk|nog plek].", "Regio {city} en omgeving."],
            ["[Boek|Reserveer] via {phone}.", "Mail {email}.", "[Bel|App] {phone}."],
        ],
        "pick": 2,
    },
    "petsit": {
        "title": ["[Oppas|Verzorging] voor [je hond|je kat|huisdieren] [tijdens de vakantie|in {city}]",
                  "Hondenuitlaatservice {city}", "[Scholier|Student] past op huisdieren"],
        "body": [
            ["Ik ben {name}, {teen}, en ik [laat honden uit|voer je katten|pas op konijnen en cavia's] "
             "[als je op vakantie bent|na school].", "[Hondenuitlaatdienst|Dierenoppas] in {city}: "
             "[groepswandelingen|losloopwandelingen|bezoek aan huis].", "Wij zoeken iemand die "
             "[onze kat|onze hond|de kippen] [voert|uitlaat] [van {day} tot {day2}|in de zomer]."],
            ["€ {small} per [bezoek|wandeling|dag].", "[Prijs|Vergoeding] € {small} per [uur|keer].",
             "[Sleutel|Huissleutel] [ophalen|afgeven] [vooraf|bij de buren]."],
            [0.5, "[Ik ben dol op dieren|Ervaring met grote honden|Eigen hond gehad].", "[Ook|Alleen] "
             "[in het weekend|na schooltijd|in de vakanties]."],
            ["[App|Bel] {phone}.", "Reageer [hier|via de buurtapp].", "{phone}"],
        ],
        "pick": 2,
    },
    "housesit": {
        "title": ["Huisoppas [gezocht|beschikbaar] [in {city}|{month}]", "Planten water geven en post "
                  "[halen|ophalen]", "Wie past op ons huis?"],
        "body": [
            ["Wij zijn [{n} weken|in {month}] [op vakantie|weg] en zoeken [een huisoppas|iemand] in "
             "{city}.", "[Betrouwbaar stel|Gepensioneerde dame|Student] [past op uw huis|zorgt voor uw "
             "huis] tijdens [de vakantie|uw afwezigheid].", "[Planten|De tuin] water geven, post "
             "[halen|binnenleggen] en [de kat voeren|even kijken]."],
            ["[Vergoeding|Prijs] € {small} per [dag|week].", "Gratis [wonen|verblijf] in ruil voor "
             "[de verzorging|het oppassen].", "[Referenties|Een VOG] [beschikbaar|aanwezig]."],
            [0.8, "[Bel|App] {phone}.", "Mail {email}.", "Reageer hier."],
        ],
        "pick": 1,
    },
    "garden": {
        "title": ["[Tuinman|Hovenier|Tuinhulp] [gezocht|beschikbaar] [in {city}|]", "[Gras maaien|Heg "
                  "knippen|Bladeren harken|Onkruid wieden] [voor een zakcentje|€ {small}]",
                  "Tuinonderhoud {city}"],
        "body": [
            ["[Ik ben|Wij zijn] {name}, {teen}, en [maai je gras|knip je heg|was je auto] [op zaterdag|na "
             "school].", "[Hovenier|Tuinbedrijf] {man} [onderhoudt|legt aan] [tuinen|gazons|bestrating] "
             "in {city}.", "Gezocht: [hulp|iemand] [in de tuin|bij het snoeien|bij het bladruimen] "
             "[een middag per week|deze herfst]."],
            ["€ {wage} per uur.", "[Vaste prijs|Prijs] € {small} per [beurt|tuin|keer].", "[Groenafval|"
             "Tuinafval] [nemen we mee|afvoeren kan]."],
            [0.5, "[Eigen|Met eigen] [grasmaaier|gereedschap|aanhanger].", "[Ook|Alleen] [op "
             "zaterdag|overdag|in het voorjaar]."],
            ["[Bel|App] {phone}.", "Vrijblijvende offerte: {email}.", "{phone}"],
        ],
        "pick": 2,
    },
    "subject_tutor": {
        "title": ["Bijles [wiskunde A|wiskunde B|scheikunde|natuurkunde|biologie|economie|Frans|Duits|"
                  "Engels|geschiedenis|aardrijkskunde|Latijn|programmeren|rekenen|begrijpend lezen]",
                  "[Examentraining|Huiswerkhulp|Bijles] [havo|vwo|vmbo|mavo|groep 8|brugklas]",
                  "Hulp bij [wiskunde|scheikunde|je eindexamen|de citotoets|je scriptie]"],
        "body": [
            ["Bijles [wiskunde|scheikunde|natuurkunde|Frans|Duits|Latijn|economie] voor [3 havo|4 vwo|"
             "5 havo|2 mavo|de brugklas|groep 7 en 8] [in {city}|online].", "[Oud-docent|Student "
             "techniek|Afgestudeerde] geeft [bijles|examentraining] in [exacte vakken|talen|rekenen].",
             "Wie helpt mijn [zoon|dochter] ({young}) met [wiskunde|Engels|plannen]?"],
            ["€ {wage} per uur.", "€ {small} per les [van een uur|].", "[Pakket|Strippenkaart] "
             "van 10 lessen € {mid}."],
            [0.5, "[Na schooltijd|Op {day}|In het weekend] [bij u thuis|in de bieb|via videobellen].",
             "[Resultaat|Voldoende] [gegarandeerd|of geld terug] [op de volgende toets|].",
             "[Proefles|Kennismaking] gratis."],
            [0.8, "[Bel|App] {phone}.", "Mail {email}.", "Reageer hier."],
        ],
        "pick": 2,
    },
    "practice": {
        "title": ["[Training|Wedstrijd|Oefenwedstrijd|Toernooi] [meiden|jongens|jeugd] [O11|O13|O15|O17|"
                  "O19] [{day}|]", "[Korfbal|Hockey|Volleybal|Handbal|Netbal|Basketbal|Zwemmen|Atletiek] "
                  "[training|voor de jeugd|nieuwe leden]", "[Training gaat niet door|Trainingstijden] "
                  "{day}"],
        "body": [
            ["[Training|De training] [meiden|jongens|jeugd] [O13|O15|O17] [is|verzet naar] {day} van "
             "{hour} tot 18:00 [in de sporthal|op veld 2|in het zwembad].", "[Thuiswedstrijd|Uitwedstrijd] "
             "[tegen|bij] [VV {city2}|HC {city2}|de buren] op {day}, [verzamelen|vertrek] om {hour}.",
             "[Nieuwe leden|Spelers] van {young} tot {teen} [welkom|gezocht] voor [ons jeugdteam|"
             "de selectie]."],
            ["[Neem|Vergeet niet] [je bidon|scheenbeschermers|je sportkleding] mee.", "[Rijders|Ouders "
             "die rijden] gezocht [voor de uitwedstrijd|voor zaterdag].", "[Contributie|Lidmaatschap] "
             "€ {small} per [maand|seizoen].", "[Drie|Twee] keer [gratis|proef] meetrainen."],
            [0.6, "[Groet|Sportieve groet], trainer {man}.", "[Vragen|Afmelden]? [App|Bel] {phone}.",
             "Zie de [clubapp|site] voor [het schema|de opstelling]."],
        ],
        "pick": 1,
    },
    "shifts": {
        "title": ["[Magazijnmedewerkers|Beveiligers|Schoonmakers|Productiemedewerkers|Callcentermedewerkers|"
                  "Nachtreceptionist|Taxichauffeurs] gezocht", "[Dag-, avond- en nachtdiensten|Ploegendienst|"
                  "Nachtdienst] [{city}|beschikbaar]", "Werk in [ploegen|de nacht|het weekend] [in {city}|]"],
        "body": [
            ["[Distributiecentrum|Fabriek|Beveiligingsbedrijf|Hotel|Schoonmaakbedrijf|Taxibedrijf] in "
             "{city} zoekt [medewerkers|chauffeurs|personeel] voor [dag- en nachtdiensten|het rooster|"
             "de nacht].", "[Wij draaien|Ons bedrijf draait] [24/7|dag en nacht|zeven dagen per week], "
             "[ploegen van acht uur|vaste diensten]."],
            ["€ {wage} per uur [plus nachttoeslag|plus ploegentoeslag|].", "[Vanaf|Minimaal] 18 jaar, "
             "[rijbewijs|diploma beveiliging|VCA] [vereist|een pré].", "[Contract|Tijdelijk contract] "
             "[met uitzicht op vast|via uitzendbureau]."],
            [0.5, "[Direct starten|Start {day}] mogelijk.", "[Reiskosten|Vervoer] [vergoed|geregeld].",
             "Ook [voor studenten|als bijbaan]."],
            ["Solliciteer via {email}.", "[Bel|App] {phone}.", "[Kom langs|Loop binnen] [op {day}|]."],
        ],
        "pick": 2,
    },
    "care": {
        "title": ["[Nachtzorg|Thuiszorg|24-uurszorg|Inwonende zorg|Respijtzorg] [in {city}|gezocht|"
                  "beschikbaar]", "[Verzorgende|Verpleegkundige|Zorghulp] [gezocht|voor de nacht]",
                  "Zorg [dag en nacht|24/7] voor [uw ouders|ouderen|mensen met een beperking]"],
        "body": [
            ["[Ervaren|Gediplomeerde] [verpleegkundige|verzorgende|zorghulp] [biedt|zoekt werk in] "
             "[nachtzorg|thuiszorg|24-uurszorg] in {city}.", "[Voor mijn moeder|Voor onze vader|Voor "
             "een oudere dame] zoeken wij [zorg|hulp] [dag en nacht|in de nacht|24/7].", "[Zorgbureau|"
             "Thuiszorgorganisatie] {man} [zoekt|heeft] [verzorgenden|nachtzusters] voor [cliënten thuis|"
             "de regio {city}]."],
            ["[Diensten|Inzet] [24/7|dag en nacht|van 23:00 tot 7:00], [in overleg|in een rooster].",
             "[BIG-registratie|Diploma VVT|VOG] [aanwezig|vereist].", "[Tarief|Salaris] € {wage} per "
             "uur [via PGB|volgens cao|].", "[Inwonend|Met eigen kamer], [week op week af|"
             "twee weken per maand]."],
            [0.7, "[Bel|Neem contact op met] {phone}.", "Mail {email}.", "[Meer info|Reageer] hier."],
        ],
        "pick": 2,
    },
    "penpal": {
        "title": ["[Penvriendin|Penvriend|Chatmaatje|Gamemaatje|Taalmaatje] gezocht", "[Vriendschap|"
                  "Nieuwe vrienden] [in {city}|]", "{name} ({teen}) zoekt [penvriendin|vrienden]"],
        "body": [
            ["Hoi! Ik ben {name}, {teen}, en zoek een [penvriendin|penvriend|chatmaatje] [om brieven "
             "mee te schrijven|om mee te gamen|om Engels mee te oefenen].", "[Nieuw in {city}|Net "
             "verhuisd] en op zoek naar [vriendinnen|mensen om mee te wandelen|een hardloopmaatje].",
             "[Taalcafé|Buddyproject] koppelt [nieuwkomers|studenten] aan [een maatje|vrijwilligers]."],
            ["[Gewoon vriendschap|Alleen vriendschap], [niets meer|geen geld|geen betaalde dingen].",
             "[Ik hou van|Hobby's:] [paarden, tekenen en muziek|voetbal en gamen|lezen en "
             "K-pop].", "[Gratis|Kosteloos], [we spreken af in de bieb|op een openbare plek]."],
            [0.6, "[Stuur|Schrijf] [me|] een berichtje!", "[Reageer|Bericht] hier.", "Mail {email}."],
        ],
        "pick": 2,
    },
    "school_event": {
        "title": ["[Eindfeest|Gala|Examenfeest|Schoolbal|Open dag|Sportdag|Kerstmarkt|Musical] [{city}|"
                  "{month}|examenklassen]", "[Galafeest|Eindexamenfeest] [dresscode: gala|met dresscode]",
                  "[Ouderavond|Informatieavond|Diploma-uitreiking] {day} {date} {month}"],
        "body": [
            ["[Het gala|Het eindfeest|Het schoolbal] voor [de examenklassen|4 havo t/m 6 vwo|alle "
             "leerlingen] is op {day} {date} {month} [in zaal {name}|in de aula|in het clubhuis].",
             "[Open dag|Informatieavond] voor [groep 8|nieuwe leerlingen en hun ouders] op {day} van "
             "{hour} tot 21:00.", "[Diploma-uitreiking|Sportdag|Kerstmarkt] [voor alle klassen|"
             "van de bovenbouw] op {day}."],
            ["Dresscode: [gala|feestelijk|wit].", "[Kaartjes|Toegang] € {small}, [te koop bij de "
             "conciërge|via de schoolapp].", "[Docenten|Mentoren] [zijn aanwezig|houden toezicht]; "
             "[geen alcohol|ophalen om {late}].", "[Ouders|Familie] [welkom|uitgenodigd]."],
            [0.6, "[Vragen|Info]: {email}.", "Zie de [schoolsite|nieuwsbrief].", "[Groet|Met "
             "vriendelijke groet], de [feestcommissie|leerlingenraad]."],
        ],
        "pick": 2,
    },
    "volunteer": {
        "title": ["Vrijwilligers gezocht [voor de voedselbank|bij het dierenasiel|voor de "
                  "zwerfvuilactie|in het buurthuis|bij de scouting]", "[Vrijwilliger|Maatje|Leiding] "
                  "gezocht [{city}|]", "Help mee [op {day}|deze zomer]!"],
        "body": [
            ["[De voedselbank|Het dierenasiel|Scouting {city}|Het verzorgingshuis|Het buurthuis] zoekt "
             "[vrijwilligers|leiding|maatjes] [vanaf 16 jaar|voor een paar uur per week].",
             "[Zwerfvuilactie|Opschoondag|Boomplantdag] op {day} {date} {month} in {city}.",
             "[Wandelen met|Voorlezen aan|Een kopje koffie met] [ouderen|bewoners] [op {day}|in het "
             "weekend]."],
            ["[Onbetaald|Vrijwillig], [wel een onkostenvergoeding|met een bedankje].",
             "[Maatschappelijke stage|Taakuren] [mogelijk|telt mee].", "[Geen ervaring nodig|"
             "We leren je alles]."],
            [0.7, "[Aanmelden|Meld je aan] via {email}.", "[Bel|App] {name}: {phone}.", "Info hier."],
        ],
        "pick": 2,
    },
    "club_notice": {
        "title": ["[Ledenvergadering|Mededeling|Nieuws] [schaakclub|fotoclub|koor|tennisclub|"
                  "postzegelclub|breiclub|hardloopgroep|buurtvereniging]", "[Nieuwe leden welkom|Contributie "
                  "{month}|Clubavond verzet]", "[Schaakclub|Fotoclub|Koor] {city}"],
        "body": [
            ["[Onze|De] [schaakclub|fotoclub|zangvereniging|tennisclub|hardloopgroep|breiclub] "
             "[komt samen|traint|repeteert] op {day}avond [in het buurthuis|in de kantine|in de kerkzaal].",
             "[Ledenvergadering|Jaarvergadering|Clubavond] op {day} {date} {month} om {hour}.",
             "[Nieuwe leden|Jeugdleden|Beginners] [zijn welkom|gezocht], [alle leeftijden|vanaf {young}]."],
            ["Contributie € {small} per [jaar|maand|kwartaal].", "[De agenda|Het programma] staat "
             "[op de site|in de nieuwsbrief].", "[Koffie en thee|Een drankje] staat klaar."],
            [0.6, "Het bestuur.", "[Info|Vragen]: {email}.", "[Bel|App] {man}: {phone}."],
        ],
        "pick": 2,
    },
    "rideshare": {
        "title": ["[Rit|Lift|Meerijden] [naar {city2}|gezocht|aangeboden]", "[Carpool|Samen rijden] "
                  "[{city} - {city2}|naar het festival|naar Schiphol]", "Wie rijdt er mee?"],
        "body": [
            ["[Ik rijd|Wij rijden] {day} [om {hour}|'s ochtends] van {city} naar {city2}, [nog {n} "
             "plekken|plek voor één].", "[Lift|Rit] gezocht [naar het festival|naar Schiphol|naar {city2}] "
             "op {day}.", "[Carpool|Samen rijden] [woon-werk|naar school|naar de training] [elke dag|op "
             "werkdagen]."],
            ["[Benzine delen|Kosten delen], € {small} per persoon.", "[Terug|Retour] op {day2}.",
             "[Bagage|Een koffer] [mag mee|past]."],
            [0.7, "[App|Bel] {phone}.", "Reageer hier.", "{phone}"],
        ],
        "pick": 1,
    },
    "tickets": {
        "title": ["[Braderie|Rommelmarkt|Pubquiz|Tienerdisco|Kermis|Circus|Toneelavond|Bingo|Open podium] "
                  "[{city}|{day} {date} {month}]", "[Entree|Toegang] € {small}", "[Kaarten|Kaartjes] "
                  "[voor|te koop:] [de voorstelling|het concert|de kermis|het festival]"],
        "body": [
            ["[Braderie|Rommelmarkt|Pubquiz|Tienerdisco|Bingoavond|Circusvoorstelling] op {day} {date} "
             "{month} [in {city}|op het dorpsplein|in de sporthal].", "[Tienerdisco|Schoolfeest|"
             "Jongerenavond] voor [12 tot 16 jaar|brugklassers|tieners] van {hour} tot 23:00.",
             "[Kaartjes|Kaarten] [over|te koop] voor [het concert|de voorstelling|de kermis] op {day}."],
            ["Entree € {small}, [kinderen gratis|kinderen onder de 12 half geld|inclusief drankje].",
             "[Kaarten|Toegang] € {small} [aan de deur|in de voorverkoop].", "[Opbrengst|De opbrengst] "
             "[voor het goede doel|voor de schoolreis|voor de club]."],
            [0.5, "[Reserveren|Voorverkoop] via {email}.", "[Info|Vragen]: {phone}.", "Tot dan!"],
        ],
        "pick": 2,
    },
    "fragment": {
        "title": ["Gevonden: [schooltas|gymtas|knuffel|fietssleutel] [bij de bushalte|op het plein|in {city}]",
                  "[Jurk|Jas|Broek|Trui] maat {size}, [z.g.a.n.|1x gedragen|nette staat], € {small}",
                  "Bijles [wiskunde|Frans|scheikunde|Engels] [havo|vwo|vmbo|groep 8]",
                  "Oppas gezocht [{day}avond|in het weekend|na school]", "Hondenoppas [{city}|gezocht|aangeboden]",
                  "Kattenoppas tijdens de vakantie, € {small} per dag", "Gras maaien, € {small} per keer",
                  "Training [O13|O15|O17] [gaat niet door|verzet naar {day}]", "Audities [jeugdtheater|koor] {day}",
                  "Goochelaar voor kinderfeestjes, [regio {city}|€ {mid}]", "Lift naar {city2}, {day}",
                  "[Nachtdienst|Avonddienst|Weekenddienst] [beveiliging|magazijn|receptie] {city}",
                  "Thuiszorg [24/7|dag en nacht|'s nachts] beschikbaar", "Vrijwilligers gezocht [{day}|{city}]",
                  "Penvriendin gezocht ({teen})", "Tienerdisco {day}, entree € {small}",
                  "Gala examenklassen, dresscode [gala|feestelijk]", "Schoolboeken [havo 4|vwo 5|3 mavo] te koop",
                  "Fiets [24|26|28] inch, € {small}", "Huisoppas gezocht {month}", "Rommelmarkt {day} {date} {month}",
                  "Schaakclub: nieuwe leden welkom", "[Verhuisbus|Aanhanger|Partytent] te huur, € {small} per dag",
                  "Pasfoto's klaar terwijl u wacht, € {small}", "[Zangles|Gitaarles|Pianoles] voor beginners",
                  "Chauffeurs gezocht, [dag en nacht|ook 's nachts]", "Klusjesman [{city}|beschikbaar]",
                  "Kamer te huur [{city}|voor student], € {mid} p/m", "Gratis af te halen: [bank|kast|boeken]"],
        "body": [
            [0.4, "[Bel|App] {phone}.", "{phone}", "Reageer hier.", "Info: {email}.", "[Ophalen|Afhalen] in {city}."],
        ],
    },
}

# ---------------------------------------------------------------------------------------------------
# More ordinary listings (issue 14), English
# ---------------------------------------------------------------------------------------------------

_MORE_NON_ADULT_EN: dict[str, Topic] = {
    "lost_found": {
        "title": ["[Found|Lost|Missing]: [school bag|backpack|PE bag|keys|phone|glasses|teddy|bike lock key|"
                  "purse|jacket|cat|dog|hoodie|bus pass]", "[Found|Lost] [in {city}|at the station|in the "
                  "playground|on the bus|by the sports hall]", "Does anyone [know whose this is|recognise "
                  "this]?"],
        "body": [
            [0.7, "[Found|Lost] on {day} [at the bus stop|in the playground|in the park|by the sports hall|"
             "on the train to {city2}|outside the supermarket] in {city}.", "[A|Black|Blue|Pink] "
             "[backpack|school bag|gym bag] with [books|exercise books|a pencil case|kit] [inside|].",
             "[Our|My] [cat|dog|rabbit] has been missing [since {day}|for {n} days] [from our street|]."],
            ["[Name|A name] [written inside|on the label|on the collar].", "Please describe [colour|"
             "brand] and contents when you get in touch.", "[Reward|Finder's reward] £{small}.",
             "Was [by the entrance|under a bench|next to the bike racks]."],
            [0.8, "[Call|Text] {phone}.", "[Collect|Pick it up] at [reception|the caretaker's office|"
             "the front desk].", "Reply here [or call {phone}|]."],
        ],
        "pick": 1,
    },
    "secondhand": {
        "title": ["[For sale|Free|Like new|Preloved]: [dress|prom dress|jeans|winter coat|football boots|"
                  "ice skates|school books|kids' bike|roller skates|jumper|boots|trainers] [size {size}|]",
                  "[Clothes|Kids' clothes|Girls' clothes|Boys' clothes] size {size}", "Second-hand [bits|"
                  "clothes|books] [for sale|to go]"],
        "body": [
            [0.8, "[Dress|Prom dress|Jeans|Winter coat|Blazer|Skirt|Jumper] size {size}, [worn once|as new|"
             "hardly worn|lightly used|tags still on].", "[Football boots|Ice skates|Trainers|Boots] size "
             "[3|4|5|6|7|9], [barely used|good condition|a few scuffs].", "[Textbooks|Revision guides] "
             "[year 10|year 11|GCSE|A-level] [maths|biology|French|history], [no writing inside|clean].",
             "[Kids' bike|Girls' bike|Boys' bike] [20|24|26] inch, [good condition|new tyres]."],
            ["£{small} [each|for the lot|or offers|firm].", "Asking £{small}.", "[Free|Small amount] "
             "[to collect|to a good home]."],
            [0.5, "[Collection|Pick up] from {city}.", "[Can post|Postage available], [buyer pays|£{small} "
             "extra].", "[Smoke-free|Pet-free] home."],
            [0.7, "[Text|Call] {phone}.", "[Reply|Message] here.", "{phone}"],
        ],
        "pick": 2,
    },
    "audition": {
        "title": ["Auditions: [youth theatre|musical|youth choir|dance troupe|drama group|band]",
                  "[Actors|Singers|Dancers|Extras] wanted [for our show|for a short film|{month}]",
                  "[Youth theatre|Drama club|Stage school] {city} is looking for talent"],
        "body": [
            ["[Our youth theatre|Our stage school|The youth choir|The Little Playhouse] is looking for "
             "[actors|singers|dancers] aged {young} to {teen}.", "[Auditions|Open auditions] on {day} "
             "{date} {month} [at the theatre|at the community centre|at school] in {city}.",
             "For [a short film|an advert|our show] we need [children|young people|extras] aged [8-12|"
             "{young}-17|16-18]."],
            ["No [experience|acting experience] needed.", "Prepare [a song|a monologue|a short "
             "piece] of [two minutes|one minute].", "Rehearsals on {day} [after school|from {hour} "
             "to 5pm], [shows|opening night] in {month}.", "Parents are welcome at the audition."],
            [0.5, "Taking part [costs|is] [£{small} a term|free].", "[A fee|Travel costs] [for filming "
             "days|covered]."],
            ["Sign up at {email}.", "[Register|Book a slot] [with {name}|on our website|on {phone}].",
             "Questions? [Call|Text] {phone}."],
        ],
        "pick": 2,
    },
    "kids_party": {
        "title": ["[Kids' party|Children's party|Birthday party] [with a magician|with a clown|with face "
                  "painting|at the play barn|at the riding school|at the pool]", "Magician [for children's "
                  "parties|available]", "[Bouncy castle|Face paint kit|Party pack] for hire"],
        "body": [
            ["[Magician|Clown|Face painter|Balloon artist] {name} [comes to your home|makes the party] "
             "for children aged [4-12|{n}-10].", "[Have|Book] your [kids' party|birthday party] [with us|"
             "at our play barn|on the farm] in {city}.", "[Bouncy castle|Gazebo|Candy floss machine] for "
             "hire [for a day|per weekend]."],
            ["[Show|Party] of [1|2] hours for £{mid}.", "£{small} per child, [squash and cake included|"
             "party bag included].", "[Hire|Price] £{small} a day [, £50 deposit|]."],
            [0.6, "[For|Suits] groups of up to {many} children.", "[Wednesday afternoons|Saturdays] and "
             "[Sundays|school holidays] [available|still free].", "{city} and surrounding area."],
            ["[Book|Reserve] on {phone}.", "Email {email}.", "[Call|Text] {phone}."],
        ],
        "pick": 2,
    },
    "petsit": {
        "title": ["[Pet sitting|Pet care] [while you're away|in {city}]", "Dog walking {city}",
                  "[Pupil|Student] offers pet sitting"],
        "body": [
            ["I'm {name}, {teen}, and I [walk dogs|feed cats|look after rabbits and guinea pigs] [while "
             "you're on holiday|after school].", "[Dog walking service|Pet sitter] in {city}: [group "
             "walks|off-lead walks|home visits].", "We need someone to [feed our cat|walk our dog|look "
             "after the hens] [from {day} to {day2}|over the summer]."],
            ["£{small} per [visit|walk|day].", "[Price|Fee] £{small} per [hour|visit].", "[Key|House key] "
             "[collected|left with the neighbours] beforehand."],
            [0.5, "[I love animals|Used to big dogs|Grew up with dogs].", "[Also|Only] [at weekends|"
             "after school|in the holidays]."],
            ["[Text|Call] {phone}.", "Reply [here|on the street group].", "{phone}"],
        ],
        "pick": 2,
    },
    "housesit": {
        "title": ["House sitter [wanted|available] [in {city}|{month}]", "Watering plants and collecting "
                  "post", "Who can mind our house?"],
        "body": [
            ["We're [away for {n} weeks|on holiday in {month}] and need [a house sitter|someone] in "
             "{city}.", "[Reliable couple|Retired lady|Student] [will mind your home|looks after houses] "
             "while [you're on holiday|you're away].", "[Water the plants|Look after the garden], "
             "[collect the post|bring the bins in] and [feed the cat|check on things]."],
            ["[Fee|Price] £{small} per [day|week].", "Free [stay|accommodation] in exchange for [the "
             "care|house sitting].", "[References|A DBS check] [available|on request]."],
            [0.8, "[Call|Text] {phone}.", "Email {email}.", "Reply here."],
        ],
        "pick": 1,
    },
    "garden": {
        "title": ["[Gardener|Garden help|Handyman] [wanted|available] [in {city}|]", "[Lawn mowing|Hedge "
                  "trimming|Leaf clearing|Weeding] [for pocket money|£{small}]", "Garden maintenance {city}"],
        "body": [
            ["I'm {name}, {teen}, and I'll [mow your lawn|trim your hedge|wash your car] [on "
             "Saturdays|after school].", "[Gardener|Landscaper] {man} [maintains|lays] [gardens|lawns|"
             "patios] in {city}.", "Wanted: [help|someone] [in the garden|with pruning|clearing leaves] "
             "[one afternoon a week|this autumn]."],
            ["£{wage} an hour.", "[Fixed price|Price] £{small} per [visit|garden|job].", "[Green waste|"
             "Garden waste] [taken away|removal available]."],
            [0.5, "[Own|With own] [mower|tools|trailer].", "[Also|Only] [Saturdays|daytime|in "
             "spring]."],
            ["[Call|Text] {phone}.", "Free quote: {email}.", "{phone}"],
        ],
        "pick": 2,
    },
    "subject_tutor": {
        "title": ["[Maths|Chemistry|Physics|Biology|Economics|French|German|Spanish|English|History|"
                  "Geography|Latin|Coding|Reading] tutor", "[Exam prep|Homework help|Tutoring] [GCSE|A-level|"
                  "year 6|year 9|11+|SATs]", "Help with [maths|chemistry|your exams|essay writing]"],
        "body": [
            ["[Maths|Chemistry|Physics|French|German|Latin|Economics] tutoring for [year 9|year 10|year 11|"
             "sixth form|primary pupils|11th graders] [in {city}|online].", "[Former teacher|Engineering "
             "student|Graduate] offers [tutoring|exam prep] in [sciences|languages|numeracy].", "Who can "
             "help my [son|daughter] ({young}) with [maths|English|organising homework]?"],
            ["£{wage} an hour.", "£{small} per [one-hour|] lesson.", "[Block|Bundle] of 10 lessons "
             "£{mid}."],
            [0.5, "[After school|On {day}|At weekends] [at your home|at the library|by video call].",
             "[Results|Improvement] [guaranteed|or your money back].", "[Trial lesson|First session] "
             "free."],
            [0.8, "[Call|Text] {phone}.", "Email {email}.", "Reply here."],
        ],
        "pick": 2,
    },
    "practice": {
        "title": ["[Training|Match|Friendly|Tournament] [girls|boys|juniors] [U11|U13|U15|U17|U19] [{day}|]",
                  "[Netball|Hockey|Volleyball|Handball|Basketball|Swimming|Athletics|Rugby] [practice|for "
                  "juniors|new members]", "[Practice cancelled|Training times] {day}"],
        "body": [
            ["[Practice|Training] for [girls|boys|juniors] [U13|U15|U17] [is|moved to] {day} from "
             "{hour} to 6pm [at the sports hall|on pitch 2|at the pool].", "[Home|Away] match [against|at] "
             "[{city2} FC|{city2} Hockey|our rivals] on {day}, [meet|leaving] at {hour}.",
             "[New members|Players] aged {young} to {teen} [welcome|wanted] for [our junior team|"
             "the squad]."],
            ["[Bring|Don't forget] [your water bottle|shin pads|your kit].", "[Drivers|Parents who can "
             "drive] needed [for the away game|on Saturday].", "[Subs|Membership] £{small} a [month|"
             "season].", "[Three|Two] [free|taster] sessions."],
            [0.6, "[Cheers|Thanks], coach {man}.", "[Questions|Can't make it]? [Text|Call] {phone}.",
             "See the [club app|website] for [the schedule|the team sheet]."],
        ],
        "pick": 1,
    },
    "shifts": {
        "title": ["[Warehouse operatives|Security officers|Cleaners|Production staff|Call centre staff|"
                  "Night receptionist|Minicab drivers] wanted", "[Day, late and night shifts|Rotating "
                  "shifts|Night shift] [{city}|available]", "Shift work [in {city}|nights and weekends]"],
        "body": [
            ["[Distribution centre|Factory|Security firm|Hotel|Cleaning company|Cab firm] in {city} is "
             "hiring [staff|drivers|operatives] for [day and night shifts|the rota|nights].", "[We run|Our "
             "site runs] [24/7|day and night|seven days a week], [eight-hour shifts|fixed shifts]."],
            ["£{wage} an hour [plus night premium|plus shift allowance|].", "[Must be|Minimum age] 18, "
             "[driving licence|SIA badge|forklift ticket] [required|a plus].", "[Contract|Temp contract] "
             "[with a view to permanent|through an agency]."],
            [0.5, "[Start now|Start {day}] possible.", "[Travel|Transport] [paid|arranged].", "[Students|"
             "Part-timers] welcome."],
            ["Apply at {email}.", "[Call|Text] {phone}.", "[Walk in|Drop by] [on {day}|]."],
        ],
        "pick": 2,
    },
    "care": {
        "title": ["[Night care|Home care|24-hour care|Live-in care|Respite care] [in {city}|wanted|"
                  "available]", "[Carer|Nurse|Care assistant] [wanted|for nights]",
                  "Care [day and night|24/7] for [your parents|the elderly|people with disabilities]"],
        "body": [
            ["[Experienced|Qualified] [nurse|carer|care assistant] [offers|seeks work in] [night care|home "
             "care|24-hour care] in {city}.", "[For my mother|For our father|For an elderly lady] we need "
             "[care|help] [day and night|overnight|24/7].", "[Care agency|Home care provider] {man} "
             "[is recruiting|has] [carers|night nurses] for [clients at home|the {city} area]."],
            ["[Shifts|Cover] [24/7|day and night|11pm to 7am], [by arrangement|on a rota].", "[NMC pin|"
             "Care certificate|DBS check] [held|required].", "[Rate|Pay] £{wage} an hour [via direct "
             "payments|per agreement|].", "[Live-in|Own room], [week on, week off|two weeks a month]."],
            [0.7, "[Call|Contact] {phone}.", "Email {email}.", "[More info|Reply] here."],
        ],
        "pick": 2,
    },
    "penpal": {
        "title": ["[Pen pal|Chat buddy|Gaming buddy|Language partner] wanted", "[Friendship|New friends] "
                  "[in {city}|]", "{name} ({teen}) looking for [a pen pal|friends]"],
        "body": [
            ["Hi! I'm {name}, {teen}, looking for a [pen pal|chat buddy] [to write letters to|to game "
             "with|to practise Dutch with].", "[New to {city}|Just moved] and looking for [friends|people "
             "to walk with|a running buddy].", "[Language café|Buddy scheme] pairs [newcomers|students] "
             "with [a buddy|volunteers]."],
            ["[Just friendship|Friendship only], [nothing else|no money|nothing paid].", "[I like|"
             "Hobbies:] [horses, drawing and music|football and gaming|reading and K-pop].", "[Free|"
             "No cost], [we meet at the library|in a public place]."],
            [0.6, "[Send|Drop] me a message!", "[Reply|Message] here.", "Email {email}."],
        ],
        "pick": 2,
    },
    "school_event": {
        "title": ["[Leavers' party|Prom|Year 11 prom|School disco|Open evening|Sports day|Christmas fair|"
                  "School musical] [{city}|{month}|for leavers]", "[Prom|Leavers' ball] [dress code: black "
                  "tie|with dress code]", "[Parents' evening|Information evening|Graduation] {day} {date} {month}"],
        "body": [
            ["[The prom|The leavers' party|The school disco] for [year 11|year 13|all pupils] is on {day} "
             "{date} {month} [at the {name} Hall|in the school hall|at the clubhouse].", "[Open evening|"
             "Information evening] for [year 6|new pupils and parents] on {day} from {hour} to 9pm.",
             "[Graduation|Sports day|Christmas fair] [for all years|for the upper school] on {day}."],
            ["Dress code: [black tie|smart|all white].", "[Tickets|Entry] £{small}, [from the school "
             "office|through the school app].", "[Teachers|Staff] [will be there|supervise]; [no "
             "alcohol|pick-up at {late}].", "[Parents|Families] [welcome|invited]."],
            [0.6, "[Questions|Info]: {email}.", "See the [school website|newsletter].", "[Best wishes|"
             "Thanks], the [prom committee|student council]."],
        ],
        "pick": 2,
    },
    "volunteer": {
        "title": ["Volunteers needed [at the food bank|at the animal shelter|for the litter pick|at the "
                  "community centre|for Scouts]", "[Volunteer|Befriender|Youth leader] wanted [{city}|]",
                  "Lend a hand [on {day}|this summer]!"],
        "body": [
            ["[The food bank|The animal shelter|{city} Scouts|The care home|The community centre] needs "
             "[volunteers|leaders|befrienders] [aged 16+|for a few hours a week].", "[Litter pick|Clean-up "
             "day|Tree planting] on {day} {date} {month} in {city}.", "[Walking with|Reading to|A cup of tea "
             "with] [older people|residents] [on {day}|at weekends]."],
            ["[Unpaid|Voluntary], [expenses covered|with our thanks].", "[Counts towards|Good for] "
             "[Duke of Edinburgh|volunteering hours].", "[No experience needed|We'll show you "
             "everything]."],
            [0.7, "[Sign up|Register] at {email}.", "[Call|Text] {name}: {phone}.", "Info here."],
        ],
        "pick": 2,
    },
    "club_notice": {
        "title": ["[AGM|Notice|News] [chess club|camera club|choir|tennis club|stamp club|knitting group|"
                  "running club|residents' association]", "[New members welcome|Subs due {month}|Club night "
                  "moved]", "[Chess club|Camera club|Choir] {city}"],
        "body": [
            ["[Our|The] [chess club|camera club|choir|tennis club|running club|knitting group] [meets|"
             "trains|rehearses] on {day} evenings [at the community centre|in the clubhouse|in the church "
             "hall].", "[AGM|Annual meeting|Club night] on {day} {date} {month} at {hour}.", "[New "
             "members|Juniors|Beginners] [welcome|wanted], [all ages|from {young}]."],
            ["Subs £{small} a [year|month|term].", "[The agenda|The programme] is [on the website|in the "
             "newsletter].", "[Tea and coffee|Refreshments] provided."],
            [0.6, "The committee.", "[Info|Questions]: {email}.", "[Call|Text] {man}: {phone}."],
        ],
        "pick": 2,
    },
    "rideshare": {
        "title": ["[Lift|Ride|Car share] [to {city2}|wanted|offered]", "[Car share|Ride share] [{city} - "
                  "{city2}|to the festival|to the airport]", "Anyone driving?"],
        "body": [
            ["[I'm driving|We're driving] {day} [at {hour}|in the morning] from {city} to {city2}, [{n} "
             "seats left|room for one].", "[Lift|Ride] wanted [to the festival|to the airport|to {city2}] "
             "on {day}.", "[Car share|Ride share] [to work|to school|to training] [every day|on "
             "weekdays]."],
            ["[Share fuel|Split costs], £{small} each.", "[Back|Return] on {day2}.", "[Luggage|A suitcase] "
             "[is fine|fits]."],
            [0.7, "[Text|Call] {phone}.", "Reply here.", "{phone}"],
        ],
        "pick": 1,
    },
    "tickets": {
        "title": ["[Car boot sale|Flea market|Pub quiz|Teen disco|Funfair|Circus|Drama night|Bingo|Open mic] "
                  "[{city}|{day} {date} {month}]", "[Entry|Admission] £{small}", "[Tickets|Spare tickets] "
                  "[for|on sale:] [the show|the concert|the fair|the festival]"],
        "body": [
            ["[Car boot sale|Flea market|Pub quiz|Teen disco|Bingo night|Circus show] on {day} {date} "
             "{month} [in {city}|on the village green|at the sports hall].", "[Teen disco|School dance|"
             "Youth night] for [ages 12-16|year 7s|teens] from {hour} to 11pm.", "[Tickets|Spare tickets] "
             "[available|for sale] for [the concert|the show|the fair] on {day}."],
            ["Entry £{small}, [kids free|under-12s half price|drink included].", "[Tickets|Admission] "
             "£{small} [on the door|in advance].", "[Proceeds|All proceeds] [to charity|for the school "
             "trip|to the club]."],
            [0.5, "[Book|Advance tickets] via {email}.", "[Info|Questions]: {phone}.", "See you there!"],
        ],
        "pick": 2,
    },
    "fragment": {
        "title": ["Found: [school bag|PE bag|teddy|bike key] [at the bus stop|in the playground|in {city}]",
                  "[Dress|Coat|Jeans|Jumper] size {size}, [as new|worn once|good condition], £{small}",
                  "[Maths|French|Chemistry|English] tutor [GCSE|A-level|year 9|primary]",
                  "Babysitter wanted [{day} night|at weekends|after school]", "Dog walker [{city}|wanted|available]",
                  "Cat sitting over the holidays, £{small} a day", "Lawn mowing, £{small} a time",
                  "[U13|U15|U17] practice [cancelled|moved to {day}]", "Auditions [youth theatre|choir] {day}",
                  "Magician for kids' parties, [{city} area|£{mid}]", "Lift to {city2}, {day}",
                  "[Night shift|Late shift|Weekend shift] [security|warehouse|reception] {city}",
                  "Home care [24/7|day and night|overnight] available", "Volunteers needed [{day}|{city}]",
                  "Pen pal wanted ({teen})", "Teen disco {day}, entry £{small}",
                  "Prom for leavers, dress code [black tie|smart]", "Textbooks [year 10|year 12|GCSE] for sale",
                  "Bike [24|26|28] inch, £{small}", "House sitter needed {month}", "Car boot sale {day} {date} {month}",
                  "Chess club: new members welcome", "[Van|Trailer|Gazebo] for hire, £{small} a day",
                  "Passport photos while you wait, £{small}", "[Singing|Guitar|Piano] lessons for beginners",
                  "Drivers wanted, [day and night|nights too]", "Handyman [{city}|available]",
                  "Room to let [{city}|for a student], £{mid} pcm", "Free to collect: [sofa|wardrobe|books]"],
        "body": [
            [0.4, "[Call|Text] {phone}.", "{phone}", "Reply here.", "Info: {email}.", "[Collect|Pick up] from {city}."],
        ],
    },
}

# ---------------------------------------------------------------------------------------------------
# More short escort-style ads (issue 14): name, age, city, availability, arrangements, price and
# contact only, carrying the youth, school, third-party and movement signals in those slots, so that
# school and youth words are not evidence of an ordinary listing by themselves.
# ---------------------------------------------------------------------------------------------------

_MORE_ADULT_NL: dict[str, Topic] = {
    "youth_short": {
        "title": ["{name} {teen}", "{name} ({teen}) {city}", "[Jong|Nieuw|Scholiere] - {city}", "{city}",
                  "{teen} [jr|jaar], {city}"],
        "body": [
            [0.7, "{name}, {teen}, {city}.", "[Jonge|Nieuwe] [meid|scholiere] uit {city}.", "{teen} jaar, "
             "[regio|omgeving] {city}.", "Ik ben {name} [uit {city}|]."],
            ["[Zit in|Nog in] [2 havo|3 mavo|4 vmbo|5 havo|de bovenbouw|het examenjaar|de derde].",
             "[Alleen|Kan] [na 15:00|na de les|na schooltijd|op vrije middagen|in de toetsweek].",
             "[Doe nog|Loop] stage [bij een kapper|in de zorg|op kantoor], [dus|] [alleen 's avonds|na "
             "vijven].", "[Schooldagen|Doordeweeks] [vanaf 16:00|na vieren], [weekend|zaterdag] "
             "[hele dag|overdag].", "[Mag|Kan] niet [laat thuis zijn|blijven slapen], dus [overdag|"
             "vroeg]."],
            ["[Prijzen|Tarieven] [via app|in dm|op aanvraag|via snap].", "[Stuur|Doe] [een dm|een "
             "berichtje|een appje] [voor prijzen|voor info|voor een afspraak].", "[Jij haalt me op|Ophalen "
             "bij school|Ophalen bij het station], [ik heb geen vervoer|geen rijbewijs].", "{half} [half "
             "uur|30 min], [rest in overleg|meer via app]."],
            [0.6, "[App|Snap|Dm] {phone}.", "{phone}", "Alleen [app|snap|dm], niet bellen.",
             "[Stuur dm|Dm me]."],
        ],
        "pick": 2,
    },
    "thirdparty_short": {
        "title": ["[Onze|De] [meiden|dames] {city}", "{name} {age} - [via bureau|via kantoor|via "
                  "manager]", "[Boekingen|Afspraken] {city}", "{name}, {city}"],
        "body": [
            [0.7, "{name}, {age}, [nu|deze week] in {city}.", "[Wij hebben|Er zijn] [nieuwe|{n}] "
             "[meiden|dames] in {city}.", "{name} ({age}) [werkt sinds kort voor ons|is nieuw bij ons]."],
            ["[Haar vriend|Haar manager|Onze planner|Kantoor] [doet de afspraken|plant alles|neemt de "
             "telefoon op], zij [praat niet zelf|belt niet zelf].", "[Wij brengen|We rijden] [haar|de "
             "dame] [naar je toe|naar je hotel] en [halen haar weer op|wachten buiten].", "[Betalen|Geld] "
             "[aan de chauffeur|vooraf aan kantoor|via de app aan ons], niet aan [haar|de dame].",
             "[Eén nummer|Hetzelfde nummer] voor [al onze meiden|alle dames], [wie vrij is komt|kies op "
             "de foto's].", "[Zij woont bij ons en werkt|De dames wonen op het adres en werken] [elke "
             "dag|zeven dagen]."],
            ["[Prijzen|Tarief] [op aanvraag|via kantoor|bij de chauffeur].", "{full} [per uur|p/u], "
             "[vooraf|contant].", "[Vraag|App] naar [de prijzen|wie er vandaag is]."],
            [0.7, "[Bel|App] {phone}.", "{phone}", "[Kantoor|Planning]: {phone}."],
        ],
        "pick": 2,
    },
    "move_short": {
        "title": ["{name} [tot {day}|{n} dagen] in {city}", "[Net aangekomen|Eerste dag|Alleen vandaag] "
                  "{city}", "{name} {age} - [op doorreis|onderweg]"],
        "body": [
            [0.7, "{name}, {age}, [net aangekomen|deze week|vandaag] in {city}.", "[Nieuw|Net binnen] in "
             "{city}, {name}, {age}.", "{age} [jr|jaar], [op doorreis|onderweg] naar {city2}."],
            ["[Morgen|Volgende week|Na {day}] [door naar|in] {city2}.", "[Elke week|Iedere paar dagen] een "
             "[andere stad|nieuw hotel].", "[Hotel bij het station|Appartement in het centrum], "
             "[kamernummer via app|adres na afspraak].", "[Reis|Rij] mee met [{man}|mijn vriend|de "
             "chauffeur]."],
            ["{half} [half uur|30 min].", "{full} [per uur|p/u].", "[Prijzen|Tarief] [via app|in dm]."],
            [0.7, "[App|Bel|Sms] {phone}.", "{phone}", "Alleen [app|sms]."],
        ],
        "pick": 2,
    },
}

_MORE_ADULT_EN: dict[str, Topic] = {
    "youth_short": {
        "title": ["{name} {teen}", "{name} ({teen}) {city}", "[Young|New|Schoolgirl] - {city}", "{city}",
                  "{teen}yo, {city}"],
        "body": [
            [0.7, "{name}, {teen}, {city}.", "[Young|New] [girl|student] from {city}.", "{teen} y/o, "
             "[around|near] {city}.", "I'm {name} [from {city}|]."],
            ["[In|Still in] [year 10|year 11|year 12|sixth form|my GCSE year|11th grade|high school].",
             "[Only|Can only do] [after 3pm|after class|after school|on half days|during exam leave].",
             "[On|Doing] work experience [at a salon|in a care home|in an office], [so|] [evenings "
             "only|after five].", "[School days|Weekdays] [from 4pm|after four], [weekends|Saturdays] [all "
             "day|daytime].", "[Can't|Not allowed to] [stay out late|stay over], so [daytime|early] only."],
            ["[Rates|Prices] [by text|in dm|on request|on snap].", "[Send|Drop] [a dm|a message|a text] "
             "[for rates|for info|to book].", "[You pick me up|Pick-up from school|Pick-up at the station], "
             "[no car|can't drive].", "{half} [half hour|30 min], [more by text|rest in dm]."],
            [0.6, "[Text|Snap|DM] {phone}.", "{phone}", "[Text|DM] only, no calls.", "[DM me|Slide into "
             "my dms]."],
        ],
        "pick": 2,
    },
    "thirdparty_short": {
        "title": ["[Our|The] girls {city}", "{name} {age} - [via agency|via office|via manager]",
                  "[Bookings|Appointments] {city}", "{name}, {city}"],
        "body": [
            [0.7, "{name}, {age}, [now|this week] in {city}.", "[We have|There are] [new|{n}] girls in "
             "{city}.", "{name} ({age}) [just started with us|is new with us]."],
            ["[Her boyfriend|Her manager|Our booker|The office] [takes the bookings|plans everything|answers "
             "the phone], she [doesn't talk herself|won't call].", "[We bring|We drive] [her|the girl] [to "
             "you|to your hotel] and [collect her after|wait outside].", "[Pay|Payment] [the driver|"
             "upfront to the office|through the app to us], not [her|the girl].", "[One number|Same "
             "number] for [all our girls|every lady], [whoever is free comes|pick from the photos].",
             "[She lives with us and works|The girls live at the address and work] [every day|seven "
             "days]."],
            ["[Rates|Prices] [on request|through the office|with the driver].", "{full} [per hour|p/h], "
             "[upfront|cash].", "[Ask|Text] for [rates|who's on today]."],
            [0.7, "[Call|Text] {phone}.", "{phone}", "[Office|Bookings]: {phone}."],
        ],
        "pick": 2,
    },
    "move_short": {
        "title": ["{name} [till {day}|{n} days] in {city}", "[Just arrived|First day|Today only] {city}",
                  "{name} {age} - [passing through|on tour]"],
        "body": [
            [0.7, "{name}, {age}, [just landed|this week|today] in {city}.", "[New|Just in] in {city}, "
             "{name}, {age}.", "{age}, [passing through|on the way] to {city2}."],
            ["[Tomorrow|Next week|After {day}] [on to|in] {city2}.", "[Every week|Every few days] a "
             "[different city|new hotel].", "[Hotel near the station|Flat in the centre], [room number by "
             "text|address after booking].", "[Travelling|Driving] with [{man}|my boyfriend|the driver]."],
            ["{half} [half hour|30 min].", "{full} [per hour|p/h].", "[Rates|Prices] [by text|in dm]."],
            [0.7, "[Text|Call] {phone}.", "{phone}", "[Text|SMS] only."],
        ],
        "pick": 2,
    },
}

_BANKS = {
    (NON_ADULT, "nl"): {**_NON_ADULT_NL, **_MORE_NON_ADULT_NL},
    (NON_ADULT, "en"): {**_NON_ADULT_EN, **_MORE_NON_ADULT_EN},
    (ADULT, "nl"): {**_ADULT_NL, **_MORE_ADULT_NL},
    (ADULT, "en"): {**_ADULT_EN, **_MORE_ADULT_EN},
}


def topics(kind: str) -> list[str]:
    return sorted(_BANKS[(kind, "nl")])


def _listing(rng: random.Random, kind: str, lang: str, topic: str) -> Listing:
    spec = _BANKS[(kind, lang)][topic]
    slots = _slots(rng, lang)
    groups = list(spec["body"])
    middle = groups[1:-1]
    if "pick" in spec:  # short ads: one or a few of the middle groups, in any order
        middle = rng.sample(middle, rng.randint(1, min(spec["pick"], len(middle))))
        groups = [groups[0], *middle, groups[-1]]
    elif len(middle) > 1 and rng.random() < 0.3:
        rng.shuffle(middle)
        groups = [groups[0], *middle, groups[-1]]
    picked = [rng.randrange(len(spec["title"]))]
    sentences = []
    for group in groups:
        if isinstance(group[0], float):
            if rng.random() >= group[0]:
                picked.append(-1)
                continue
            group = group[1:]
        i = rng.randrange(len(group))
        picked.append(i)
        sentences.append(_expand(group[i], rng, slots))
    title = _expand(spec["title"][picked[0]], rng, slots)
    body = " ".join(sentences) if rng.random() < 0.6 else "\n".join(sentences)
    text = f"{title}\n{body}" if body and rng.random() < 0.85 else body or title
    if kind == NON_ADULT and rng.random() < 0.5:
        text = _rewrite_money(text, rng)
    if rng.random() < 0.05:
        text = text.upper()
    elif rng.random() < 0.1:
        text = text.lower()
    template = f"{kind}:{lang}:{topic}:" + ".".join(str(i) for i in picked[:2])
    return Listing(text=text, lang=lang, kind=kind, topic=topic, template=template)


def generate(per_kind: int = 1500, seed: int = 14) -> list[Listing]:
    """``per_kind`` listings of each kind, half Dutch and half English, topics in turn; same seed,
    same corpus."""
    rng = random.Random(seed)
    out: list[Listing] = []
    for kind in (ADULT, NON_ADULT):
        names = topics(kind)
        for i in range(per_kind):
            lang = "nl" if i % 2 == 0 else "en"
            out.append(_listing(rng, kind, lang, names[(i // 2) % len(names)]))
    return out
