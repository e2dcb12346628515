//! Invented answers for the demo's 44 entries. Every text is example text, built from a small
//! pool of sentences chosen by the municipality's code, so each entry reads differently but the
//! demo is the same on every load.

use juryn_domain::{MunicipalityCode, Registry};

const PROJECTS: [&str; 8] = [
    "en gemensam e-tjänsteplattform där invånare och företag kan följa sina ärenden från ansökan till beslut",
    "digital trygghetstillsyn i hemtjänsten, där nattliga besök kan ersättas av kamera när brukaren vill det",
    "ett öppet dataprogram där kommunen publicerar data om skolor, trafik och miljö för vem som helst att använda",
    "automatiserad handläggning av försörjningsstöd, där enkla ansökningar får beslut samma dag",
    "en digital medborgardialog där invånare föreslår, diskuterar och röstar om förbättringar i sitt närområde",
    "bredband till alla hushåll på landsbygden, byggt tillsammans med byalag och fiberföreningar",
    "ett digitalt stöd för skolans elevhälsa som samlar kontakter, planer och uppföljning på ett ställe",
    "sensorer i kommunens fastigheter som styr värme och ventilation efter hur lokalerna faktiskt används",
];

const EFFECTS: [&str; 8] = [
    "Handläggningstiden har i genomsnitt halverats, och fler invånare hör av sig med synpunkter än tidigare.",
    "Medarbetarna lägger mindre tid på administration och mer tid på de möten där de behövs.",
    "Andelen ärenden som kommer in digitalt har ökat från en fjärdedel till tre fjärdedelar på två år.",
    "Energiförbrukningen i de berörda lokalerna har minskat med drygt femton procent.",
    "Fler unga har deltagit i dialogen än i något tidigare samråd, och flera förslag har redan genomförts.",
    "Företagare uppger i vår enkät att kontakten med kommunen har blivit enklare och snabbare.",
    "Brukarna beskriver en lugnare natt, och personalen kan prioritera de besök som kräver närvaro.",
    "Data som tidigare låg i olika system kan nu följas upp varje månad av både politiker och tjänstepersoner.",
];

const LESSONS: [&str; 8] = [
    "Börja i verksamhetens behov och inte i tekniken: de bästa idéerna kom från medarbetarna själva.",
    "Ledningens uthålliga stöd var avgörande när projektet mötte motgångar under det första året.",
    "Vi underskattade behovet av utbildning och har nu en digital coach på varje förvaltning.",
    "Att samarbeta med grannkommunerna gjorde upphandlingen både billigare och bättre.",
    "Informationssäkerhet och dataskydd måste finnas med från början, inte läggas till i slutet.",
    "Små försök som utvärderas snabbt har lärt oss mer än stora planer.",
    "Invånarna vill bli tillfrågade tidigt; när vi testade tjänsterna med dem blev de mycket bättre.",
    "Det tar tid att ändra arbetssätt, och den tiden behöver finnas med i planeringen från start.",
];

/// A deterministic mix of the code's digits, to pick sentences.
fn seed(code: MunicipalityCode) -> usize {
    code.as_str().bytes().fold(7usize, |h, b| h.wrapping_mul(31).wrapping_add(usize::from(b)))
}

fn pick<'a>(pool: &'a [&'a str], seed: usize, k: usize) -> &'a str {
    pool[(seed / (k * 3 + 1) + k * 5) % pool.len()]
}

/// Three invented answers (proudest work, its effect, lessons learned) for a municipality.
pub fn invented(code: MunicipalityCode) -> Vec<String> {
    let name = Registry::sweden().get(code).map_or("Kommunen", |m| m.name.as_str());
    let s = seed(code);
    let project = pick(&PROJECTS, s, 0);
    let proud = format!(
        "{name} är mest stolt över {project}. Arbetet startade som ett försök i en förvaltning och \
         har sedan vuxit till att omfatta hela kommunen.\n\n\
         Tjänsterna har utvecklats tillsammans med invånare, medarbetare och lokala företag. Varje \
         steg har testats i liten skala innan det har införts brett, och resultaten har följts upp \
         i kommunstyrelsen två gånger om året."
    );
    let effect = format!(
        "{} {}\n\n\
         Arbetet har också gjort att frågor om digitalisering nu finns med i budgetprocessen och i \
         varje förvaltnings verksamhetsplan.",
        pick(&EFFECTS, s, 1),
        pick(&EFFECTS, s, 2),
    );
    let lessons = format!(
        "{} {}\n\n\
         Vi delar gärna våra erfarenheter med andra kommuner och har redan tagit emot studiebesök.",
        pick(&LESSONS, s, 3),
        pick(&LESSONS, s, 4),
    );
    vec![proud, effect, lessons]
}

/// What a later year's entries also tell: 2021 the pandemic's sudden move online, 2023 AI and
/// the security it asks for. The pulse finds these words characteristic of their year.
const OF_THE_YEAR: [(i16, [&str; 4]); 2] = [
    (
        2021,
        [
            "Under pandemin ställde vi på några veckor om till distansundervisning och digitala möten.",
            "Pandemin gjorde videomöten och distansarbete till vardag för hela förvaltningen.",
            "När pandemin kom hade vi redan e-legitimation i våra tjänster, så distansarbetet fungerade från första dagen.",
            "Vaccinationsbokningen och hemtjänstens videosamtal blev pandemins viktigaste digitala tjänster.",
        ],
    ),
    (
        2023,
        [
            "Nu prövar vi AI-stöd i handläggningen, med en AI-policy och tydliga regler för informationssäkerhet.",
            "Cybersäkerheten har blivit en fråga för kommunstyrelsen sedan angreppen mot andra kommuner.",
            "En AI-assistent svarar på invånarnas frågor dygnet runt, och cybersäkerheten granskas varje år.",
            "Vi har börjat använda generativ AI för att skriva klarspråk, med informationssäkerhet som första krav.",
        ],
    ),
];

/// The three answers of a municipality in `year`: 2019's, with a later year's own words added.
pub fn invented_in(code: MunicipalityCode, year: i16) -> Vec<String> {
    let mut answers = invented(code);
    if let Some((_, pool)) = OF_THE_YEAR.iter().find(|(y, _)| *y == year) {
        let s = seed(code);
        answers[0] = format!("{}\n\n{}", answers[0], pick(pool, s, 6));
        answers[2] = format!("{}\n\n{}", answers[2], pick(pool, s, 7));
    }
    answers
}

/// The self-assessment's indicators, as later editions asked them.
pub const MATURITY_INDICATORS: [(&str, &str); 6] = [
    ("Digital strategi och ledning", "Digital strategy and leadership"),
    ("E-tjänster för invånare och företag", "E-services for residents and businesses"),
    ("Informationssäkerhet", "Information security"),
    ("Öppna data", "Open data"),
    ("Medarbetarnas digitala kompetens", "Staff's digital skills"),
    ("Samverkan med andra kommuner", "Collaboration with other municipalities"),
];

/// A municipality's invented self-assessment in `year`, stored as levels (helt, delvis,
/// inte-alls) by indicator: later years a little further along, each indicator its own pace.
pub fn maturity(code: MunicipalityCode, year: i16) -> String {
    let s = seed(code);
    (0..MATURITY_INDICATORS.len())
        .map(|i| {
            let progress = usize::try_from(year - 2019).unwrap_or(0) / 2;
            let score = (s / (i * 7 + 3) + i * 3 + progress * 2) % 7;
            match score {
                0 | 1 => "inte-alls",
                2..=4 => "delvis",
                _ => "helt",
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_differ_between_municipalities_and_repeat_for_one() {
        let a = MunicipalityCode::parse("0186").unwrap();
        let b = MunicipalityCode::parse("1780").unwrap();
        assert_eq!(invented(a), invented(a));
        assert_ne!(invented(a), invented(b));
        assert!(invented(a)[0].starts_with("Lidingö"));
    }
}
