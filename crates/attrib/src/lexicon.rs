//! Hand-written classes of attribution predicates (general English knowledge, not
//! taken from any corpus). The cue tagger uses the class as a feature next to the
//! word itself, so a predicate seen rarely in training ("pledged", "decried")
//! shares weights with the frequent members of its class ("promised", "criticized").

use std::collections::HashMap;
use std::sync::OnceLock;

/// Speech and communication verbs.
const SPEECH: &str = "say says said saying tell tells told telling state stated announce \
    add added note noted explain argue insist warn declare report reply replied respond \
    answer ask remark comment mention assert contend maintain acknowledge admit concede \
    confirm deny denied testify tweet post write wrote written writes quip joke complain boast \
    brag reiterate repeat stress emphasize emphasise caution allege recall recount reveal \
    disclose observe counter retort lament proclaim pronounce inform notify assure reassure \
    quote cite email text speak spoke spoken talk discuss chant shout yell scream cry \
    exclaim whisper mutter sigh recite read reads publish release claim describe \
    characterize call dub label brand term refer reference mock ridicule scoff \
    predict forecast estimate project promise pledge vow swear swore sworn threaten \
    urge demand request plead beg implore recommend advise propose suggest order \
    instruct direct invite offer apologize apologise concur echo interject continue \
    go on went point highlight underscore outline detail list summarize summarise \
    sum put phrase word speculate guess hint imply insinuate signal indicate";

/// Belief, knowledge and perception of a state of affairs.
const COGNITION: &str = "think thinks thought believe feel felt know knew known \
    expect fear worry doubt suspect assume consider regard view see saw seen understand \
    understood realize realise recognize recognise learn learnt hear heard wonder \
    reckon imagine suppose anticipate trust sense judge conclude decide determine \
    notice remember forget forgot perceive figure convince persuade agree disagree \
    question dispute contest accept acknowledge deem find found discover \
    conclude seem appear look sound";

/// Wants, plans and commitments.
const INTENTION: &str = "want wish plan intend aim seek sought hope try attempt \
    prepare choose chose chosen mean meant commit refuse decline prefer like love \
    hate need desire crave push press lobby campaign fight strive vow pledge promise \
    threaten insist demand consider weigh mull eye contemplate vote";

/// Evaluations and stances towards a person or proposal.
const STANCE: &str = "support oppose endorse back favor favour criticize criticise \
    praise attack blame accuse defend denounce condemn slam blast decry mock reject \
    dismiss welcome thank applaud hail commend laud celebrate challenge question \
    rebuke rebut fault chide scold knock bash lambast lash berate assail ridicule \
    deride disparage dispute reject veto block object protest resist embrace champion \
    advocate tout trumpet credit congratulate salute honor honour compare portray \
    cast frame paint depict characterise eviscerate skewer rip slam target";

/// Evidence and findings ("a poll shows", "the study found").
const EVIDENCE: &str = "show shown showed find found reveal suggest indicate \
    confirm estimate demonstrate document prove proven establish rate rank list \
    include feature measure count record track survey poll project";

/// Nouns heading attributed content ("a statement", "his plan to", "concerns that").
const NOUNS: &str = "statement claim claims remark remarks comment comments report \
    reports plan plans proposal agreement deal promise pledge vow announcement speech \
    interview testimony tweet tweets post letter memo email message note document study \
    survey poll analysis estimate forecast projection finding findings data record \
    evidence view views belief opinion position stance argument assertion allegation \
    allegations accusation accusations charge charges complaint complaints criticism \
    warning warnings threat threats demand demands request call calls appeal suggestion \
    recommendation advice order decision ruling verdict judgment judgement conclusion \
    assessment outlook prediction hope hopes fear fears concern concerns worry worries \
    doubt doubts expectation intention goal aim policy platform agenda rhetoric \
    narrative response reply answer question questions quote words insistence \
    rationale explanation excuse justification theory idea notion suspicion criticism \
    praise support opposition endorsement objection objections protest plea \
    commitment assurance assurances guarantee rumor rumors rumour speculation \
    consensus sentiment attitude perception impression belief confidence vision \
    promises pledges reaction answer attack attacks";

/// Adjectives of attitude ("is confident that", "was supportive of").
const ADJECTIVES: &str = "confident optimistic pessimistic worried concerned sure \
    certain aware convinced eager keen willing unwilling reluctant happy unhappy \
    skeptical sceptical critical supportive hopeful fearful afraid adamant clear \
    determined opposed open enamored enamoured wary proud angry upset furious \
    disappointed satisfied pleased frustrated quick careful doubtful uncertain unsure";

fn table() -> &'static HashMap<String, &'static str> {
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        // Earlier classes win for words in several (e.g. "claim" stays speech).
        for (class, words) in [
            ("sp", SPEECH),
            ("cg", COGNITION),
            ("in", INTENTION),
            ("st", STANCE),
            ("ev", EVIDENCE),
            ("nn", NOUNS),
            ("aj", ADJECTIVES),
        ] {
            for w in words.split_whitespace() {
                m.entry(w.to_string()).or_insert(class);
                if w.len() > 3 {
                    m.entry(rashomon_text::stem(w)).or_insert(class);
                }
            }
        }
        m
    })
}

/// Class of a lower-cased word given its stem (as computed by the tagger: the
/// Porter2 stem for lower-case words longer than three letters, else the word).
pub fn class(word: &str, stem: &str) -> Option<&'static str> {
    static OFF: OnceLock<bool> = OnceLock::new();
    // Ablation switch for held-out comparisons (the model must be trained the same way).
    if *OFF.get_or_init(|| std::env::var_os("ATTRIB_NO_LEX").is_some()) {
        return None;
    }
    let t = table();
    t.get(stem).or_else(|| t.get(word)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_class() {
        let st = |w: &str| {
            if w.len() > 3 {
                rashomon_text::stem(w)
            } else {
                w.to_string()
            }
        };
        for (w, c) in [
            ("pledged", "sp"),
            ("promised", "sp"),
            ("worries", "cg"),
            ("wants", "in"),
            ("decried", "st"),
            ("said", "sp"),
            ("statement", "nn"),
        ] {
            assert_eq!(class(w, &st(w)), Some(c), "{w}");
        }
        assert_eq!(class("table", &st("table")), None);
    }
}
