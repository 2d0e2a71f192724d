/**
 * English risk lexicon. Pattern syntax: libs/risk/README.md. Rules run in order; the first accepted match wins,
 * so the more specific categories (suicide, sexual violence, child) come before the general ones.
 * Spelling is normalised before matching: apostrophes drop out ("he'll" = "hell"), doubled letters collapse.
 */
import type { Lexicon } from '../types';

const KIDS = '(kid|kids|child|children|son|sons|daughter|daughters|baby|babies|toddler|boy|girl|little_one|little_ones|little_girl|little_boy|stepson|stepdaughter|year_old|yr_old|newborn|infant)';
const PERSON = '(me|you|u|ya|us|her|him|them|everyone|everybody|both_of_us|all_of_us)';
const FAMILY = '(my|the|our|your|her|his) (kids|kid|children|child|son|daughter|baby|family|mom|mum|mother|dad|father|sister|brother|parents|friend|boyfriend|girlfriend|dog|cat|pet|pets|puppy|kitten)';
const HE = '(he|hes|he_is|husband|partner|boyfriend|bf|ex|she|shes|she_is|dad|father|stepdad)';

export const EN_LEXICON: Lexicon = {
  language: 'en',
  version: '2026-12-01.1',
  reviewStatus:
    'DRAFT written by engineers from public risk-assessment vocabulary (DASH); not yet reviewed. Must be reviewed by ' +
    'native-speaking clinicians of the partner organisations before production use; record the reviewer and date here.',
  negation: {
    negators: ['not', 'no', 'never', "don't", "didn't", "doesn't", "won't", "wouldn't", "isn't", "wasn't", "aren't", "weren't",
      "hasn't", "haven't", "hadn't", "can't", 'cannot', "couldn't", "shouldn't", 'nobody', 'neither', 'nor', 'dint', 'dnt', 'didnt'],
    window: 4,
    scopeBreakers: ['but', 'and', 'though', 'although', 'however', 'because', 'cause', 'cos', 'so', 'then', 'yet', 'until', 'till', 'while', 'now'],
    conditionals: ['if', 'unless', 'whether', 'or'],
    exempt: ['know', 'sure', 'remember', 'understand', 'care', 'mean', 'get', 'think', 'want_to_lie'],
  },
  idioms: [
    '(this|it|its|that|thats|work|job|homework|deadline|exam|exams|heat|pain|back|head|headache|feet|neck|shoes|waiting|wait|suspense|traffic|commute|school|studying|stress|uni|hangover|cold|flu) (is|are|was|were)? kill{ing,s,ed} me',
    'kill{,ing,ed} (some|the)? time',
    '(could|would|wd|cd) kill for',
    'kill{ed,s,ing} me (lol|lmao|haha|hahaha|lmfao|xd|rofl)',
    'kill{,ed,s,ing} (it|the_vibe|the_mood|the_lights|the_music|the_engine|two_birds)',
    'dressed to kill',
    'chok{e,ed,es,ing} (up|on)',
    '(water|nerf|toy|glue|squirt|bb|cap|paintball|heat|staple|nail|spray|massage|airsoft|laser|bubble|plastic) (gun|guns|pistol|pistols|rifle|rifles)',
    '(top|son_of_a|jump_the|stick_to_my|stick_to_your|big) (gun|guns)',
    'stab{,s,bed,bing} (me|her|him|you)? in_the_back',
    'rape (crisis|centre|center|hotline|helpline|line|charity|counsellor|counselor)',
    '(situation|relationship|marriage|life|job|this|it|its|everything|house|home|anxiety|stress|silence) (is|was|s)? (suffocating|smothering|choking) me',
    '(dying|died|die) (to|of|laughing|laughter)',
    'kill{,s,ing,ed} (myself|ourselves|themselves|yourself) (laughing|with_laughter)',
  ],
  rules: [
    // ---- suicide and self-harm (first: "kill myself" must not read as a threat to kill)
    {
      id: 'en.suicide.self',
      category: 'suicide',
      patterns: [
        '(kill{,s,ing,ed}|shoot|hang{,ing}|stab|drown|unalive) (myself|meself)', 'kms', 'suicid*', 'commit{,ting} suicide',
        'end{,ing} my (life|own_life)', 'take my (own)? life', 'taking my (own)? life', 'self_harm*', 'selfharm*', 'self_injur*',
        '(cut|cutting|hurt|hurting|harm|harming|burn|burning|starve|starving) myself', 'slit my wrists', 'overdos*', '(end|ending) it all',
        '(thinking|think|thought|thinkin) (of|about) (jumping|hanging|ending_it|killing|cutting|overdosing|drowning|ending_my)',
        '(cut|cutting|slash|slashing|burn|burning|scratch|scratching) (my|myself_on_my) (arms|arm|wrists|wrist|legs|thighs|skin)', '(end|ending) (everything|it_all)',
        '(jump|jumping|throw_myself) (off|from|in_front_of) ..1 (bridge|roof|balcony|building|window|cliff|train|car|tower|bus|truck|lorry|tram)',
        'kill{,ing} my_self', '(drive|driving|drove|crash|crashing) my car (into|off)',
      ],
      unless: ['(article|news|documentary|podcast|statistics|awareness)'],
    },
    {
      id: 'en.suicide.wish',
      category: 'suicide',
      patterns: ['(want|wanted|wanna|wish_i_could|going_to|gonna) to? die', 'wish i (was|were|would_be) dead', 'wish i (could|would) die', 'better off (dead|without_me)', 'rather be dead', '(want|wanted|wanna|wish) to be dead', '(im|i_am|i_feel_like|i_feel|im_just|i_am_just) (a|such_a|nothing_but_a) burden'],
    },
    {
      id: 'en.suicide.done',
      category: 'suicide',
      patterns: ['(sleep|go_to_sleep) (forever|for_ever|and_never_wake_up)', '(done|finished) with (life|living|this_life)'],
      unless: ['(lol|lmao|haha|xd|exam|exams|weekend|holiday|with_him|with_her|with_them|here|in_this)'],
    },
    {
      id: 'en.suicide.no-will',
      category: 'suicide',
      negatable: false,
      patterns: ['(dont|do_not|no_longer|dont_really) (want|wanna) to? (live|be_alive|exist|wake_up|go_on|be_here)', 'no (point|reason) (in|to)? (living|live|going_on|being_alive)', '(dont|cant|do_not|cannot) see (the|any)? point (in|of)? (going_on|living|life|carrying_on|anything)', 'nothing (left)? to live for', '(in_case|if) (im|i_am|i_m) (not|no_longer) (here|around|alive)', 'not want to live', '(life|living) (isnt|is_not|aint|not) worth (living|it)', 'not worth living', '(cant|cannot) go on (living|like_this_anymore)', '(whats|what_is|wats|whats_even) the point (of|in) (living|life|being_alive|going_on|carrying_on|anything)'],
      unless: ['(away_from_him|without_him|now_that|again|with_him|with_her|with_them)'],
    },
    {
      id: 'en.suicide.never-wake',
      category: 'suicide',
      negatable: false,
      patterns: ['(never|not) wake up', '(disappear|vanish) (forever|for_good|permanently)', '(want|wish) (it|everything) (all)? to (stop|end) (forever|for_good|permanently)', '(goodbye|suicide) (letter|letters|note|notes)', 'say{,ing} goodbye to (everyone|everybody|my_kids)'],
      unless: ['(alarm|late|early|on_time)'],
    },
    {
      id: 'en.suicide.end-it',
      category: 'suicide',
      patterns: ['(end|ending) it (tonight|today|now|forever|for_good|once_and_for_all)', '(end|ending) things'],
      unless: ['(with_him|with_her|relationship|marriage|between_us)'],
    },
    {
      id: 'en.suicide.edge',
      category: 'suicide',
      patterns: ['(standing|sitting|stood|sat) on (the|a|my)? (balcony|roof|ledge|bridge|edge|railway|tracks|window_sill)'],
      context: ['(jump*|end|die|edge|goodbye|cant|over)'],
    },
    {
      id: 'en.suicide.means',
      category: 'suicide',
      patterns: ['(rope|noose|razor_blades|razor_blade)'],
      context: ['(ready|got|bought|have|hang*|neck|tie|tied|prepared|attic|beam|end_it|cant_do_this|wrists)'],
    },
    {
      id: 'en.suicide.pills',
      category: 'suicide',
      patterns: ['(pill|pills|tablets|meds|medication|sleeping_pills|paracetamol|ibuprofen|painkillers|antidepressants)'],
      context: ['(all|whole|lot|bunch|handful|many|saved|stockpil*|enough|die|end|overdose|box|bottle|bottles|packet|dont_care|cant_go_on|took|swallowed|taken|ago|every|each|rest)'],
      unless: ['(headache|prescribed|doctor|pharmacy|vitamins|for_my)'],
    },
    // ---- a child in danger
    {
      id: 'en.child.harm',
      category: 'child-danger',
      patterns: [
        `(hit|hits|hitting|beat|beats|beating|beaten|kick|kicks|kicked|kicking|punch*|slap*|hurt|hurts|hurting|abus*|molest*|groom*|rap{e,es,ed,ing}|touch{,es,ed,ing}|chok{e,es,ed,ing}|strangl*|shak{e,es,ing}|shook|throw|throws|threw|throwing|burn*|lock{,s,ed,ing}|whip*|smack*|spank*|bruis*|starv*|hurl*|drag*|whack*|struck|strik{e,es,ing}|thrash*|batter*|pinch*|bit|bite|bites|biting) (my|our|the|her|his|your)? ..1 ${KIDS}`,
        'kidnap*', 'abduct*', `${KIDS} ..2 (alone|left_alone|home_alone) with (him|her|dad|father|stepdad)`, 'kneel{,s,ing} on (rice|peas|salt|buckwheat|gravel)', 'knelt on (rice|peas|salt|buckwheat|gravel)',
        `(bruises|bruise|marks|welts) on (my|our|the|her|his)? ${KIDS}`,
        `(drives|drive|drove|driving) (drunk|high|wasted|stoned) ..3 ${KIDS}`, `(threw|throws|throwing|throw|hurled|hurls) ..3 at (my|our|the|her|his)? ${KIDS}`,
        `(leaves|left|leaving|leave) (the|my|our|her)? ${KIDS} ..1 alone (in_the_car|for_hours|all_day|all_night|at_night|overnight)`, `(drunk|high|wasted) driving ..3 ${KIDS}`,
      ],
      unless: ['(dinner|lunch|breakfast|toast|food|cake|pizza|bike|bikes|toys|tablet|ipad|scooter|phone|clothes|ball|balls|snowball*|frisbee|pillow|pillows|kiss|kisses)'],
    },
    {
      id: 'en.child.pronoun',
      category: 'child-danger',
      patterns: ['(he|hes|daddy|dad|father|stepdad|stepfather|husband|partner|boyfriend) ..4 (hit|hits|hitting|beat|beats|beating|hurt|hurts|hurting|kick*|punch*|slap*|abus*|threw|throws|throwing|chok{e,es,ed,ing}|shook|shakes|shaking|smack*|whack*|dragged|drags|dragging) (him|her|them)'],
      context: [KIDS],
      unless: ['(game|games|chess|cards|quiz|race|fight|fighting|play|playing|football|tennis|sport*|feelings|her_head|his_head|their_heads|brother|sister)'],
    },
    {
      id: 'en.child.injury',
      category: 'child-danger',
      patterns: [`${KIDS} ..3 (bruises|bruised|bruise|burns|burn_marks|marks|black_eye|welts|cuts)`],
      context: ['(him|he|hes|dad|daddy|father|stepdad|partner|husband|boyfriend|hits|hit|beat|beats|scared_of)'],
      unless: ['(fell|fall|falling|football|playground|school|sport*|trampoline|bike|rugby|hockey|boxing|karate)'],
    },
    {
      id: 'en.child.sexual',
      category: 'child-danger',
      patterns: ['(private_parts|privates|genitals|down_there|private_areas)', 'touch{,es,ed,ing} (her|him|them) (inappropriately|there|under)'],
      context: [KIDS, '(she|he) is (only|just)'],
    },
    {
      id: 'en.child.take',
      category: 'child-danger',
      negatable: 'before',
      patterns: [`(take|takes|took|taking|steal) (the|my|our|her)? ${KIDS} ..3 (away|abroad|from_me|forever|out_of_the_country|country|to_another_country|and_disappear|and_run|and_leave|never_see|never_find|find_them|see_them)`],
    },
    // ---- sexual violence
    {
      id: 'en.sexual.rape',
      category: 'sexual-violence',
      patterns: ['rap{e,ed,es,ing,ist,ists}', 'molest*', 'grop{e,ed,es,ing}', 'sexual{,ly} (assault*|abus*|violen*|attack*|exploit*|coerc*)', '(without|against) (my|her) (consent|will)', 'without consent'],
    },
    {
      id: 'en.sexual.forced',
      category: 'sexual-violence',
      patterns: [
        '(force|forces|forced|forcing|made|make|makes|making|pressure|pressures|pressured|pressuring|coerce*) (me|her) ..3 (sex|sleep_with|sleeping_with|into_bed|in_bed|bed|sexual*|oral|blowjob|bj|sex_acts|porn)',
        'forc{ed,es,ing} (himself|herself) on', '(abused|molested|raped|touched) me (when|as|since) ..2 (little|kid|child|young|small|girl|boy|teenager)', 'forc{ed,es,ing} (himself|herself) (into|onto) (me|her)',
        '(sex|had_sex|has_sex|having_sex) with (me|her) (while|when) ..2 (asleep|sleeping|unconscious|passed_out|drunk|out_of_it)',
        '(assault*|attack*|abus*) (me|her) sexually', '(drugged|drugging|spiked|spiking) (me|her|my_drink|my_drinks|her_drink)',
      ],
    },
    {
      id: 'en.sexual.no-stop',
      category: 'sexual-violence',
      negatable: false,
      patterns: ['said no (but|and)? (he|she)? (still|just)? (didnt|wouldnt|doesnt|did_not|would_not|never|kept|keeps|kept_going|carried_on|continued|forced|went_on)',
        '(forc{e,es,ed,ing}|make|makes|made|making) (me|her) (to)? do (things|stuff) ..2 (i|she) (dont|didnt|do_not|did_not|doesnt) want', 'touch{,es,ed,ing} me ..3 (i|when_i) (say|said|tell_him) no'],
    },
    {
      id: 'en.sexual.night',
      category: 'sexual-violence',
      patterns: ['(comes|came|coming|sneaks|sneaked|creeps|crept|gets|got) (into|in_to|to) my (room|bed|bedroom)'],
      context: ['(stepdad|stepfather|uncle|dad|father|brother|grandad|night|he|him)'],
    },
    {
      id: 'en.sexual.touch',
      category: 'sexual-violence',
      patterns: ['touch{,es,ed,ing} (me|her) (inappropriately|down_there|under_my_clothes|under_her_clothes)', '(hand|hands|fingers) (down|in|inside|up|under) (my|her) (pants|trousers|underwear|knickers|skirt|shirt|top|bra|dress)',
        'touch{,es,ed,ing} (my|her) (private_parts|privates|genitals|breasts|chest|bottom)', 'grab{,s,bed,bing} (my|her) (private_parts|privates|genitals|breasts|crotch)'],
    },
    {
      id: 'en.sexual.images',
      category: 'sexual-violence',
      patterns: ['(filmed|films|recorded|records|photographed|filming|recording|photographing) (me|her|us) ..2 (naked|nude|undressed|having_sex|in_the_shower|in_bed)', '(nudes|nude_photos|nude_pics|naked_photos|naked_pictures|naked_pics|intimate_photos|intimate_pictures|intimate_videos|sex_tape|sex_video|private_photos|revenge_porn)', '(video|videos|photos|pictures|pics|recording|recordings|tapes) ..3 (in_bed|having_sex|naked|undressed|in_the_shower|sex)'],
      context: ['(post*|shar*|send*|sent|leak*|publish*|upload*|show*|threat*|online|internet|blackmail*|everyone|film*|record*|photograph*|without)'],
    },
    // ---- strangulation
    {
      id: 'en.strangle.verb',
      category: 'strangulation',
      patterns: ['strangl*', 'strangel*', 'chock{ed,ing} (me|her|you|us)', '(cut|cuts|cutting) off my (air|airway|breathing|oxygen)', `chok{e,es,ed,ing} (me|her|you|us|him|my|the|till|until)`, 'throttl*', 'chokehold', 'choke_hold', 'headlock', `(suffocat*|smother*) ${PERSON}`, 'tried to (suffocate|smother|choke)'],
    },
    {
      id: 'en.strangle.breath',
      category: 'strangulation',
      negatable: false,
      patterns: ['(couldnt|could_not|cant|cannot|can_not) breathe'],
      context: ['(neck|throat|chest|sat|pillow|hands|chok*|squeez*|pinned|held|on_top|strangl*|smother*)'],
    },
    {
      id: 'en.strangle.neck',
      category: 'strangulation',
      patterns: [
        '(hands|hand|fingers|arm|arms|rope|belt|cord|scarf|cable|wire) (around|round|on|over|against) (my|her|the) (neck|throat)',
        '(by|grab*|squeez*|press*|held|hold*|pinned|pin|pins|crush*|strangl*|chok*) ..2 (my|her|the) (throat|neck|windpipe)',
        '(marks|bruises|bruise|fingerprints|red_marks|scratches|handprints) on (my|her) (neck|throat)',
        '(knee|knees|kneeled|knelt|kneeling|kneels|sat|sitting|sits|stood|standing|stands|foot|boot) on (my|her) (neck|throat)',
        '(pillow|hand|hands|bag|plastic_bag|blanket) (over|on|against) (my|her) (face|mouth|nose)',
      ],
    },
    {
      id: 'en.strangle.smother',
      category: 'strangulation',
      patterns: ['(covered|covers|covering|held|holds|clamped|clamps|pressed|presses) (my|her) (mouth_and_nose|nose_and_mouth)'],
      context: ['(he|hes|him|his|she|until|till|couldnt_breathe|cant_breathe|passed_out|blacked_out)'],
    },
    // ---- weapons
    {
      id: 'en.weapon.blade',
      category: 'weapon',
      patterns: [
        '(has|had|got|grab*|took|picked_up|took_out|pulled|pulls|pulled_out|held|holds|holding|waved|waving|brandish*|swung|swinging|sharpen*) (a|the|his|her|my|out|up)? (knife|knives|machete|axe|hatchet|hammer|bat|razor|blade|crowbar|screwdriver|scissors|cleaver)',
        '(knife|knives|machete|machetes|axe|axes|hatchet|hammer|baseball_bat|bat|razor|blade|blades|crowbar|cleaver|screwdriver|scissors|box_cutter|golf_club|iron_bar|metal_bar|metal_pipe|tyre_iron|tire_iron|knuckle_duster|knuckle_dusters|brass_knuckles)',
        '(broken|smashed) (bottle|glass)',
      ],
      context: ['(pull*|held|hold*|point*|wav*|came|come|comes|coming|threat*|stab*|slash*|sharpen*|brandish*|swing*|swung|grab*|chas*|attack*|throat|neck|chest|pillow|sleeps|carr*|keeps|at_me|at_us|on_me|to_my|to_her|against|under|pocket|jacket|belt|hit_me|hits_me|hit_her|beat_me|beats_me|cut_me)'],
      unless: ['(bread|butter|fork|spoon|cook*|cutting_board|chop*|slic*|vegetables|onion*|peel*|dinner|lunch|steak|carv*|sharpener|shop|bought_a_new|need_a_new|dropped|shelf|nail|nails|diy|hung)'],
    },
    {
      id: 'en.weapon.gun',
      category: 'weapon',
      patterns: ['(gun|guns|gunpoint|pistol|pistols|revolver|rifle|rifles|shotgun|shotguns|firearm|firearms|handgun|handguns|glock|ammo|ammunition|bullets|weapon|weapons|taser|tasers|stun_gun|stun_guns)'],
      context: [`${HE}`, '(his|him|has|have|had|got|keeps|keep|bought|buys|own|owns|carries|carry|pull*|point*|aim*|load*|wav*|show*|threat*|hid|hides|hidden|under|house|home|car|bedroom|drawer|closet|head|at_me|at_us)'],
      unless: ['(museum|range|game|games|video_game|movie|film|show|sold|got_rid|handed_in|confiscated|service_weapon|for_work|on_duty|revoked)', '(took|take|taken|removed) ..4 (licence|license|permit|away)'],
    },
    { id: 'en.weapon.shoot', category: 'weapon', patterns: [`shoot{,s,ing} ${PERSON}`, `shot (at)? ${PERSON}`, `shoot ${FAMILY}`, '(fired|fires|firing|fire) (a|the)? (shot|shots|gun|pistol|rifle|shotgun|round|rounds) ..3 (at|into|in|near|through|over)'], unless: ['(message|text|email|look|glance|smile|msg|dm|photo|video|selfie|range|goal|target|targets|practice|hunting|club)'] },
    { id: 'en.weapon.stab', category: 'weapon', patterns: ['(knifepoint|knife_point|gunpoint|gun_point)', `stab{,s,bed,bing} ${PERSON}`, `stab{,s,bed,bing} ${FAMILY}`, 'acid (attack|in_my_face|on_me|at_me)', 'throw acid'] },
    // ---- threats to kill
    {
      id: 'en.kill.object',
      category: 'threat-to-kill',
      patterns: [`kill{,s,ed,ing} ${PERSON}`, `kill{,s,ed,ing} ${FAMILY}`, `murder{,s,ed,ing} ${PERSON}`, `murder{,s,ed,ing} ${FAMILY}`, '(gonna|gna|gunna|going_to|will|wil|would|threatens_to|threatened_to) (kill|murder)'],
      unless: ['(news|article|documentary|podcast|novel)'],
    },
    {
      id: 'en.kill.threat',
      category: 'threat-to-kill',
      patterns: [
        '(death|kill|murder) threat{,s}', 'threat{en,ens,ened,ening} to (kill|murder|end|shoot|stab|strangle|bury|burn|finish)',
        `threat{en,ens,ened,ening} ${PERSON}`, 'threat{en,ens,ened,ening} (my|our) (life|lives|family|kids|children)',
      ],
      unless: ['(divorce|fire|firing|court|lawyer|police|report|sue|eviction|leave_me|break_up|dump|kill*|murder*)'],
    },
    {
      id: 'en.kill.dead',
      category: 'threat-to-kill',
      patterns: [
        '(youre|you_are|ur|u_r|your|you_will_be|youll_be|you_gonna_be|you_going_to_be) (dead|a_dead_woman|dead_meat|going_to_die|gonna_die)',
        '(im|i_am|i_was|ill_be|she_is|shes) (a_dead_woman|a_dead_man|dead_meat|as_good_as_dead)', '(as_good_as) dead',
        '(to|gonna|gna|will|wil|hell|hed|ill|would|shell|shed) do (me|you|u|ya|her|us|them) in', '(put|putting|puts) a bullet (in|into|through) (my|your|her|his|ur|our)', 'bullet (in|into|through) (my|your|her|ur) (head|brain|skull|face|heart)',
        `make ${PERSON} (disappear|vanish)`, `hunt ${PERSON} down`, '(body_bag|body_bags)',
        '(make|makes|made) sure ..3 (die|dies|end_up_dead|wont_survive|dont_survive|never_wake_up|im_dead|am_dead|youre_dead|you_are_dead|are_dead|is_dead)', `(kill|kills|killed|shoot|shoots) (himself|herself) ..3 (take|taking|takes) ${PERSON} with`,
        '(held|holds|holding|hold|pushed|pushes|forced|shoved) (my|her|me|the_kids) (head)? (under|in) (the)? (water|bath|bathwater)', '(held|holds|holding|hold|pushed|pushes|forced|shoved) (my|her|me|the_kids) (head)? underwater',
        `want{,s,ed} ${PERSON} dead`, '(cut|slit|slice|slash) ..2 (throat|throats)', 'finish (the|what_he) (job|started)', `(knows|know) where ${PERSON}? (live|lives|work|works|stay|stays|are)`, `(knows|know) where (my|your|our|her) ..1 (live|lives|work|works|is|are)`, '(break|snap|twist) (my|your|her|ur) neck', '(bash|smash|cave|blow) (my|your|her|ur) (head|skull|brains) (in|off|out)?',
        `(drown{,s,ed,ing}|poison{,s,ed,ing}|suffocate) ${PERSON}`, 'tried to (drown|poison|murder|run_me_over|run_over)', '(run|ran) me (over|down)',
        '(ill|i_will|youll|you_will|ull|shell|she_will) be dead', `put ${PERSON} in (the|a|an)? (ground|grave|box|coffin|river|morgue)`,
        `(push|pushes|pushed|pushing|throw|throws|threw|throwing|shove|shoved) ${PERSON} (off|out_of|from|over) ..1 (balcony|window|bridge|roof|cliff|ledge|railing)`, `(run|ran|running|runs|drive|drove) ${PERSON} off the road`,
        '(going|go|end_up|ending_up|be|end) (in|up_in) (the|a)? (river|lake|canal|sea|ground|grave|ditch|woods|forest|morgue)', '(said|says|told_me|saying) (im|i_am|youre|you_are|ur) next', `(end|finish|finish_off) ${PERSON}`, `(bury|burry|buried|burried) ${PERSON}`,
        `(beat|beats|beating|beaten|kick*|stab*|chok*|strangl*|punch*|batter*) ..3 to death`,
        `(burn|burning|set_fire_to|torch) ..2 (house|flat|apartment|home|car|me|us|you|her)`, `set ${PERSON} (on_fire|alight)`, 'set (the|my|our|your)? (flat|house|home|apartment|car) (on_fire|alight|ablaze)',
        '(you|u|we|the_kids|kids|your_kids|everyone|all_of_you|you_all|ur_kids) (are|r|re|will_be|gonna_be) (dead|going_to_die|gonna_die)', '(pour|poured|pouring) (petrol|gasoline|gas|lighter_fluid)',
      ],
    },
    {
      id: 'en.kill.not-alive',
      category: 'threat-to-kill',
      negatable: false,
      patterns: [
        '(until|til|till|untill) (im|i_am|youre|you_are|ur|shes|she_is|we_are) dead', '(never|not|wont) see ..1 (daylight|the_light_of_day|the_sun|sunlight|your_kids|your_children|your_family) again?',
        'next time ..4 (wont|will_not|never) (get_up|wake_up|be_so_lucky|walk_again|survive|be_alive)', '(go|go_and|just_go) (kill|hang|shoot|drown) (yourself|urself)',
        '(wont|will_not|never|not_going_to) (live|survive) (to|another|this|the)',
        '(not_going_to|never_going_to|wont|will_not|never|not_gonna) (see|make_it_to|live_to_see|reach) (another|next|the_next|tomorrow|christmas|new_year|your_birthday|my_birthday|the_morning)', '(wont|will_not|never) (leave|get_out|walk_out|make_it_out|make_it) ..2 alive',
        `have ${PERSON} ..2 (no_one|noone|nobody) else? (will|can|gets_to|is_gonna|is_going_to)`,
        `(no_one|noone|nobody) else? (will|can|gets_to|is_gonna|is_going_to) have ${PERSON}`,
        '(no_one|noone|nobody|never) (will|would|is_gonna|is_going_to|gonna)? (ever)? (find|found) (my|your|her|ur|our|the) (body|bodies|remains)',
      ],
    },
    // ---- immediate danger
    {
      id: 'en.now.door',
      category: 'immediate-danger',
      patterns: [
        '(break{,s,ing}|broke|kick{,s,ing,ed}|bang{,s,ing}|pound{,s,ing}|smash{,es,ing,ed}|bash{,es,ing}|hammer{,s,ing}|punch{,es,ing}) ..3 (door|doors|window|windows)',
        '(break{,s,ing}|broke) (in|into|inside)', '(climbing|climbed|climbs|crawling|getting|got) (in|into|through) (the|my|a)? (window|balcony|door)',
        '(breaking|smashing|destroying|throwing|wrecking|trashing) (everything|things|stuff|furniture|the_house|the_place|the_flat|plates)', '(smashing|smashed|smashes|trashing|trashed|wrecking|wrecked|breaking) up (the|my|our)? (house|place|flat|kitchen|room|home|apartment|furniture)', '(trying|tried|tries|try) to (get|break|come|force_his_way|force_her_way) (in|inside|into)',
      ],
    },
    {
      id: 'en.now.coming',
      category: 'immediate-danger',
      patterns: [
        `${HE} ..2 (coming|comes|driving|heading|walking|on_his_way|on_her_way|on_the_way) (back|home|here|over|for_me|to_get_me)`,
        `${HE} ..2 (coming|on_his_way|on_her_way|on_the_way|back) ..1 (now|right_now|rn|soon|any_minute|any_second|already)`,
        `(hes|he_is|shes|she_is|husband_is|ex_is) (outside|downstairs|upstairs|at_the_door|at_my_door|here|in_the_house|in_the_building|in_the_hallway|in_the_garden|back)`,
        'just (got|came|come) (home|back|in)', `${HE} ..2 (going_to|gonna|will|wil) come (back|home|here|over|for_me|after_me)`,
'(coming|running|walking|stomping|climbing) up the (stairs|steps|drive|driveway|path)',
        `${HE} ..1 (just)? (pulled|pulling) up (outside|in_the_drive|in_front|at_the_house|at_my_house|at_the_door)`, '(hes|he_is|husband_is|ex_is|boyfriend_is|partner_is) waiting (for_me|for_us) ..1 (outside|downstairs|at_the_door|at_my_door|in_the_car|in_the_hallway)',
      ],
      unless: ['(tomorrow|next_week|weekend|saturday|sunday|monday|tuesday|wednesday|thursday|friday|pick_up|for_his_things|for_her_things|at_work|to_work|smok*|cigarette|garden|mowing|the_dog|can_talk|shopping|groceries|bags)'],
    },
    {
      id: 'en.now.on-way',
      category: 'immediate-danger',
      patterns: ['(hes|he_is|shes|she_is|husband_is|ex_is) on (his|her|the) way'],
      unless: ['(on_his_way|on_her_way|on_the_way) (to|out|of|back_from|from) (work|the|a|school|his|her|mum*|mom*|dad*|gym|shop|store|office|job|court|of)', '(tomorrow|next_week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'],
    },
    {
      id: 'en.now.follow',
      category: 'immediate-danger',
      patterns: [`${HE} ..1 (following|stalking|chasing|tracking) (me|us)`],
      unless: ['(instagram|twitter|tiktok|facebook|snapchat|social|online|around_the_house|advice|lead)'],
    },
    {
      id: 'en.now.outside',
      category: 'immediate-danger',
      patterns: ['(outside|downstairs|in_front_of|parked_outside|waiting_outside|sitting_outside|watching) (my|the|our) (flat|house|home|door|building|window|windows|apartment|work|workplace|school|shelter)'],
      context: [HE, '(him|his_car|his_van)'],
      unless: ['(tomorrow|yesterday|last_week|usually|used_to|every_day)'],
    },
    {
      id: 'en.now.attack',
      category: 'immediate-danger',
      patterns: [
        `(hitting|beating|attacking|hurting|kicking|punching|choking|strangling|stabbing) (me|us|my_mom|my_mum|mom|mum|her) ..2 (now|right_now|rn|as_we_speak)`,
        '(hes|he_is|shes|she_is) (hitting|beating|attacking|kicking|punching) (me|us|my|her)',
        '(lock{,s,ed,ing}) (me|us|her|the_kids|me_and_the_kids) (in|inside|up|out|into)',
        '(hiding|hid|hide|locked_myself|lock_myself|locked_ourselves|barricad*) (in|inside|under|from_him|from_her)? (the|my|a)? (bathroom|toilet|closet|wardrobe|bedroom|room|basement|car|cupboard|attic|garage)',
        'hiding from (him|her)', '(im|i_am|were|we_are|i_was|we_were) hiding (with|from) (the_kids|my_kids|my_son|my_daughter|the_baby|my_baby|him|her|them)', '(locked|trapped|barricaded|stuck) (in|inside) (the|my|a)? (toilet|bathroom|room|bedroom|closet|basement|car|house|flat)', '(call|send) (the)? (police|cops|ambulance|help) (now|please|asap|quick)',
        '(he|hes|she|shes) ..2 (furious|raging|drunk|high|angry|mad) ..2 (help|please_help|scared|hide)',
        '(looking|searching|hunting) for (me|us)', '(out_of|released_from|got_out_of|escaped_from) (prison|jail)',
'(found|finds|tracked) (out)? (where) (i|we) (live|am|are|stay|work)', '(found|tracked) (me|us) (down)? (again|here|at)',
        '(hes|he_is|shes|she_is) (hurting|choking|strangling|stabbing) (me|us|my|her)',
      ],
    },
  ],
};
