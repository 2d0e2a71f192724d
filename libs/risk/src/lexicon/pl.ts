/**
 * Polish risk lexicon. Pattern syntax: libs/risk/README.md. Rules run in order; the first accepted match wins.
 * Diacritics are folded before matching (zabiję = zabije, nóż = noz, dusić = dusic), so forms are written once;
 * inflections are spelled out as endings: verb forms that collide with other words are left out on purpose
 * (zabi* would match "zabierze"; gwałt* would match "gwałtownie"; "broni" is also "defends").
 */
import type { Lexicon } from '../types';

const DZIECKO = '(dziecko|dziecka|dzieckiem|dziecku|dzieci|dziecmi|dzieciom|dzieciaki|dzieciaka|syn|syna|synem|synowi|synka|synek|synkiem|syneczka|corka|corke|corki|corce|corka|coreczke|coreczka|coreczki|malego|mala|mała|malej|malemu|malym|małym|malucha|maluch|niemowle|niemowlaka|niemowlaczka|niemowleciem|bobasa|chlopca|chlopczyka|dziewczynke|dziewczynki|pasierba|pasierbice|wnuka|wnuczke)';
const OSOBA = '(mnie|cie|ciebie|ja|go|jego|was|nas|ja|mame|matke|siostre|brata|rodzine|wszystkich)';

export const PL_LEXICON: Lexicon = {
  language: 'pl',
  version: '2026-12-01.1',
  reviewStatus:
    'SZKIC przygotowany przez inżynierów na podstawie słownictwa z oceny ryzyka (DASH); NIE przejrzany. Przed użyciem ' +
    'produkcyjnym musi go przejrzeć klinicystka/klinicysta z ojczystym polskim z organizacji partnerskiej (wpisać kto i kiedy).',
  negation: {
    negators: ['nie', 'nigdy', 'ani', 'bez', 'zadnej', 'zadnych', 'zaden'],
    window: 4,
    scopeBreakers: ['ale', 'lecz', 'tylko', 'bo', 'a', 'i', 'oraz', 'wiec', 'potem', 'pozniej', 'dlatego', 'jednak', 'natomiast', 'teraz', 'tez'],
    conditionals: ['jak', 'jesli', 'jezeli', 'gdy', 'gdyby', 'jakby', 'chyba', 'malo', 'omal', 'czy', 'zeby', 'az'],
    exempt: ['wiem', 'wiadomo', 'jestem', 'pamietam', 'rozumiem', 'umiem', 'moge', 'mam_pojecia', 'chce_mi'],
    postNegators: [],
  },
  idioms: [
    'zabi{c,ja,jam,jasz,jamy,l,la,lam,lismy} (czas|nude|nudę|czasu|troche_czasu)',
    'zabij mnie (ale|a) ..1 (nie)? (pamietam|wiem|pamiętam)',
    'zabi{l,la,lo,labym,lbym,lobym} (za|mnie_tym|mnie_swoim|mnie_tym_tekstem)',
    '(upal|upał|praca|robota|nuda|bol|ból|szkola|nauka|stres|czekanie|ta|ten|cisza|glowa|głowa|migrena|sesja|remont|dieta|kac|korki|egzamin|matma|matematyka|silownia|siłownia|przeprowadzka) (mnie)? (zabija|zabije|wykonczy|wykończy|wykancza|wykańcza|dobija|dobije)',
    'wykończ{y,ysz,a} (mnie)? (tymi|tym|swoimi|swoim|swoja|swoją)', 'wykoncz{y,ysz,a} (mnie)? (tymi|tym|swoimi|swoim|swoja)',
    '(dusz{e,ę}|dusic|dusić|dusi|dusil|dusila|dusimy) ..2 (mieso|mięso|warzywa|cebul*|kapust*|gulasz|pieczen|pieczeń|na_patelni|w_garnku|pod_przykryciem)',
    '(pistolet{,u,em,y,ow}|pistolecik*|karabin{,ek,ku}|bron|broń) (na_wode|na_wodę|na_kulki|zabawkow*|do_kleju|do_silikonu|do_malowania|do_pianki)',
    '(zabawkow*|plastikow*|dzieciec*|dziecięc*|wodn*) (pistolet*|karabin*|bron|broń|miecz*)',
    '(sytuacja|zwiazek|związek|ten_zwiazek|ten_związek|to|praca|dom|atmosfera|ten_dom|stres|lek|lęk|zycie|życie|malzenstwo|małżeństwo|cisza) (mnie)? (dusi|przytlacza|przytłacza)',
    '(umieram|umre|umrę|umarlam|padam) (ze_smiechu|ze_śmiechu|z_glodu|z_głodu|z_nudow|z_nudów|z_ciekawosci|ze_wstydu|ze_zmeczenia)',
  ],
  rules: [
    // ---- samobójstwo i samookaleczenie (przed groźbami: "zabić się" to nie groźba wobec kogoś)
    {
      id: 'pl.suicide.self',
      category: 'suicide',
      patterns: [
        '(zabi{c,ć,je,ję,ja,ją,l,ł,la,ła}) sie', 'sie zabi{c,ć,je,ję,ja,ją,l,la}', 'samoboj*', 'samobój*', 'samookalecz*', 'samouszkodz*',
        '(skoncz{yc,e,ę,ylam}|skończ{yć,ę}) ze (soba|sobą)', 'odebrac sobie zycie', 'odebrać sobie życie', 'targnac sie na', 'targnąć się na',
        '(powiesi{c,ć,e,ę,sz}|powiesz{e,ę}|powiesilam) sie', 'sie (powiesic|powiesić|powiesze|powieszę|otruc|otruć|otruje)',
        '(tne|tnę|cielam|pocielam|pocięłam|kalecze|kaleczę|okaleczam|pocne|potne|potnę) sie', 'sie (tne|tnę|tniesz|kalecze|kaleczę|pocielam|pocięłam|okaleczam)',
        '(skocze|skoczę|skoczyc|skoczyć|rzuce_sie|rzucę_się|rzucic_sie|rzucić_się|wyskocze|wyskoczę) (z|pod|przez) ..2 (mostu|okna|okno|balkonu|dachu|pociag|pociąg|pociagu|auto|samochod|bloku|wiezowca|wieżowca|tramwaj)',
        '(utopic|utopić|utopie|utopię|otruc|otruć|otruje|otruję) sie', 'sie (utopic|utopić|utopie|utopię|otruc|otruć|otruje|otruję)',
        '(tne|tnę|pocielam|pocięłam|ciac|ciąć|kalecze|kaleczę|rozcinam|przypalam) (sobie)? (rece|ręce|nadgarstki|nadgarstek|nogi|uda|skore|skórę)',
        '(mysle|myślę|mysli|myśli|chce|chcę|chcialabym) (zeby|żeby|o)? (skoczyc|skoczyć|skakaniu|powiesic|powiesić|podciac|podciąć|utopic|utopić)',
        'przedawkow*', 'podetne sobie zyly', 'podetnę sobie żyły', 'podciac sobie zyly',
        '(podetn{e,ę,ie}|podci{ac,ąć,elam,ęłam,al,ął}|przetn{e,ę}|przeci{ac,ąć,elam,ęłam}) sobie (zyly|żyły|nadgarstki|nadgarstek)',
        '(odbior{e,ę}|odebra{c,ć,lam,łam}) sobie (zycie|życie)', 'targn{e,ę,ac,ąć,elam,ęłam,al,ął} sie na (zycie|życie|wlasne_zycie|własne_życie|siebie)',
        '(pojde|pójdę|wskocze|wskoczę|wejde|wejdę|polozy_sie|położę_się) pod (pociag|pociąg|tramwaj|samochod|samochód|auto|ciezarowke|ciężarówkę|tira|autobus)',
        'ze (soba|sobą) (skonczyc|skończyć|skoncze|skończę|skonczylam|skończyłam)', '(zrobie|zrobię|zrobic|zrobić|zrobilam|zrobiłam) sobie (krzywde|krzywdę)',
      ],
      unless: ['(skoczyc|skoczyć) (do|na|po)', '(artykul*|artykuł*|gazet*|wiadomosci|wiadomości|reportaz*|reportaż*|statystyk*|dokument*)'],
    },
    {
      id: 'pl.suicide.wish',
      category: 'suicide',
      patterns: [
        '(chce|chcę|chcialabym|chciałabym|chcialbym|wolalabym|wolałabym|wole|wolę|marze|marzę) ..1 (umrzec|umrzeć|zniknac|zniknąć|zasnac_i_sie_nie_obudzic|zdechnac|zdechnąć)',
        '(gdybym|zebym|żebym|obym) ..1 (umarla|umarła|umarl|umarł|zniknela|zniknęła|nie_zyla|nie_żyła|nie_istniala|nie_obudzila)',
        '(lepiej|szczesliwsi|szczęśliwsi|lzej|lżej|latwiej|łatwiej|lepsze) ..2 beze mnie', '(jestem|bylam|byłam) (tylko|jedynie)? (ciezarem|ciężarem|balastem|zawada|zawadą)',
        '(najchetniej|najchętniej) ..1 (umarla|umarła|umarl|umarł|zniknela|zniknęła|umrzec|umrzeć|zabila_sie|zabiła_się)',
      ],
    },
    {
      id: 'pl.suicide.no-will',
      category: 'suicide',
      negatable: false,
      patterns: ['nie (chce|chcę|chcialabym) ..2 (zyc|żyć)', 'nie (mam|ma) ..1 (dla_kogo|po_co|dla_czego) (zyc|żyć)', '(gdyby|jakby|jesli|jeśli|jezeli|jeżeli) mnie ..1 (nie_bylo|nie_było|nie_bedzie|nie_będzie|zabraklo|zabrakło)', 'nie (widze|widzę|ma) ..1 sensu ..1 (zycia|życia|zyc|żyć|dalej)', 'bez sensu (zyc|żyć|zycie|życie)', 'po co (mam|mialabym|miałabym|ja_mam|dalej)? (zyc|żyć)', '(chce|chcę|chcialabym|chciałabym|chcialbym|chciałbym|wolalabym|wolałabym|wole|wolę) ..1 nie (zyc|żyć|istniec|istnieć)', 'nie (daje|daję|dam|dawalam|dawałam) rady ..2 (zyc|żyć)',
        '(mam|miec|mieć) (juz|już)? (dosc|dość|dosyc|dosyć) (zycia|życia|tego_zycia|tego_życia|zyc|żyć)'],
      unless: ['(zycia|życia) (w_strachu|z_nim|w_tym|pod_jednym|tak|w_takim)'],
    },
    {
      id: 'pl.suicide.never-wake',
      category: 'suicide',
      negatable: false,
      patterns: ['(zasnac|zasnąć|zasne|zasnę|usnac|usnąć) ..2 nie (obudzic|obudzić|obudze|obudzę|budzic|budzić)', 'sie (juz|już)? nie (obudzic|obudzić|obudze|obudzę)', 'nie (chce|chcę|chcialabym|chciałabym) sie (juz|już)? (obudzic|obudzić|budzic|budzić)', '(list|listy) pozegnaln*', '(list|listy) pożegnaln*'],
    },
    {
      id: 'pl.suicide.end-all',
      category: 'suicide',
      patterns: ['(skonczyc|skończyć|skoncze|skończę|zakonczyc|zakończyć|zakoncze|zakończę) (z_tym)? (ze_wszystkim|wszystkim|z_tym_wszystkim|raz_na_zawsze)', 'wszystko (zakonczyc|zakończyć|skonczyc|skończyć|zakoncze|zakończę)', '(skonczylo|skończyło|skonczy|skończy) ..1 na zawsze', 'ze wszystkim ..1 (skonczyc|skończyć|skoncze|skończę|zakonczyc|zakończyć)'],
      context: ['(mysle|myślę|mysl*|myśl*|chce|chcę|zeby|żeby|najlepiej|sil|sił|rady|dosc|dość|zmeczona|zmęczona|nie_moge|nie_mogę|ochote|ochotę|dzis|dziś|dzisiaj|wszystko)'],
    },
    {
      id: 'pl.suicide.means',
      category: 'suicide',
      patterns: ['(sznur|sznurek|linke|linkę|petle|pętlę|petla|pętla|stryczek|zyletki|żyletki|zyletke|żyletkę)'],
      context: ['(przygotowan*|gotow*|kupil*|kupił*|mam|powiesic|powiesić|szyi|zawiaz*|zawiąz*|strych*|belk*|hak*|nadgarst*|dam_rady)'],
      unless: ['(bielizn*|pranie|prania|suszenia|choink*|swiateł|świateł)'],
    },
    {
      id: 'pl.suicide.pills',
      category: 'suicide',
      patterns: ['(tabletki|tabletek|tabletkami|leki|lekow|leków|lekami|pigulki|pigułki|pigulek|pigułek|proszki|proszkow|proszków|psychotrop*|nasenne|paracetamol*|ibuprom*)'],
      unless: ['(na_bol|na_ból|glowy|głowy|lekarz*|recept*|przepisal*|przepisał*|apteki|apteka)'],
      context: ['(wszystkie|cale|całe|calego|całego|opakowanie|opakowania|duzo|dużo|garsc|garść|naraz|umrzec|umrzeć|przedawkow*|nalykam|nałykam|nalykalam|nałykałam|nazbieral*|uzbieral*|zbieram|skoncze|skończę|zasne|zasnę_na_zawsze|pelno|pełno|zapas|kupe|kupę|mase|masę|wszystko_jedno|dosc|dość|wzielam|wzięłam|lyknelam|łyknęłam|polknelam|połknęłam|temu|przygotowan*|schowan*|odlozon*|odłożon*)'],
    },
    // ---- dziecko w niebezpieczeństwie
    {
      id: 'pl.child.harm',
      category: 'child-danger',
      patterns: [
        `(ciagnal|ciągnął|ciagnie|ciągnie|targal|targał|wlokl|wlókł|bije|bija|bil|bił|bila|biła|bic|bić|pobil|pobił|pobila|pobije|uderzyl|uderzył|uderzyla|uderza|uderzy|kopnal|kopnął|kopnela|kopie|kopal|kopał|szarpie|szarpal|szarpał|rzucil|rzucił|rzuca|popchnal|popchnął|krzywdzi|skrzywdzil|skrzywdził|skrzywdzi|zneca|znęca|molestuje|molestowal|dotyka|dotykal|dotykał|maca|macal|potrzasal|potrząsał|potrzasa|potrząsa|zamknal|zamknął|zamyka|przypalil|przypalił|leje|lal|lał|tlucze|tłucze|tlukl|tłukł|dusi|dusil|dusił|spoliczkowal|spoliczkował|głodzi|glodzi|wyzywa_sie_nad|katuje|katowal|katował|skatowal|skatował|przypala|przypalal|przypalał|znecal|znęcał|znecala|zneca_sie|katuja) ..3 (moja|moją|moje|mojego|mojej|moich|nasza|naszą|nasze|naszego|naszych|jej|jego)? ${DZIECKO}`,
        `(porw*|uprowadz*|wywiez*|wywioz*|ukradn*|porywa) ..2 ${DZIECKO}`,
        `(zabierze|zabrac|zabrać|zabiore|zabiorę|zabierzesz|odbierze|odbiore) (mi)? ${DZIECKO} ..3 (za_granice|za_granicę|wyjedzie|wyjade|wyjadę|wywiezie|zobaczysz|zobacze|zobaczę|nigdy|na_zawsze|ukryje|ukradnie|zniknie|znikne)`,
        `(zrobi|zrobil|zrobił|zrobic|zrobić) (cos|coś|krzywde|krzywdę|cos_zlego|coś_złego) ${DZIECKO}`,
        `(podnosi|podniosl|podniósł|podnosil|podnosił) (reke|rękę) na ${DZIECKO}`, `na ${DZIECKO} (podnosi|podniosl|podniósł|podnosil|podnosił) (reke|rękę)`,
        `(zostawia|zostawil|zostawił|zostawila|zostawiła|zostawiac|zostawiać) ${DZIECKO} (samo|sama|samego|samą|same) (w_aucie|w_samochodzie|na_noc|na_cala_noc|na_całą_noc|na_mrozie|na_balkonie)`,
        `${DZIECKO} ..3 z nim (same|sami|sam|sama)`, `(kleczec|klęczeć|kleczy|klęczy|kleczal|klęczał|kleczala) ..1 na (grochu|kaszy|ryzu|ryżu)`, `${DZIECKO} ..2 (same|sami|sam|sama) z nim`,
      ],
      unless: ['(pilk*|piłk*|sank*|wozk*|wózk*|wozek|wózek|brawo|rekord*|drzwi_za|latawiec*|zabawk*|zabawe|zabawę)'],
    },
    {
      id: 'pl.child.pronoun',
      category: 'child-danger',
      patterns: ['(on|ojciec|tata|ojczym|maz|mąż|partner) ..2 (je|ich) (bije|bil|bił|leje|lal|lał|tlucze|tłucze|krzywdzi|skrzywdzil|skrzywdził|katuje|kopie|szarpie|uderza|uderzyl|uderzył|dusi|dusil|dusił)',
        '(bije|bil|bił|leje|lal|lał|tlucze|tłucze|krzywdzi|katuje|kopie|szarpie|uderza|dusi) (je|ich) ..2 (pasem|kablem|reka|ręką|piescia|pięścią|po_glowie|po_głowie|do_krwi|codziennie|ciagle|ciągle|kiedy|jak)'],
      context: [DZIECKO],
    },
    {
      id: 'pl.child.drunk-driving',
      category: 'child-danger',
      patterns: ['(jezdzi|jeździ|jechal|jechał|wozi|wozil|woził|prowadzi|prowadzil|prowadził) ..3 (po_pijanemu|pijany|nacpany|naćpany|na_bani|po_alkoholu)'],
      context: [DZIECKO],
      unless: ['(zabrali|zabrano|odebrali|stracil|stracił) ..3 (prawo_jazdy|prawko)'],
    },
    {
      id: 'pl.child.injury',
      category: 'child-danger',
      patterns: [`${DZIECKO} ..3 (siniaki|siniak|since|sińce|slady|ślady|oparzenia|rany|limo|podbite_oko|pregi|pręgi)`],
      context: ['(taty|tata|ojciec|ojca|ojczym*|jego|on|niego|nim|partner*|konkubent*|boi|bije|bil|bił)'],
      unless: ['(upadl*|upadł*|przewrocil*|przewrócił*|boisk*|trening*|rower*|szkol*|trampolin*)'],
    },
    {
      id: 'pl.child.sexual',
      category: 'child-danger',
      patterns: ['(miejscach|miejsca|miejsc) intymn*', '(dotykal|dotykał|dotyka|macal|macał|maca) ..3 (intymn*|krocz*|piersi|pupe|pupę|majtk*|genital*|siusi*)'],
      context: [DZIECKO, '(ja|ją|jej|go|jego) ..1 (corke|córkę|coreczke|syna)'],
    },
    // ---- przemoc seksualna
    {
      id: 'pl.sexual.rape',
      category: 'sexual-violence',
      patterns: [
        'zgwalc*', 'zgwałc*', 'gwalc{i,il,ila,ic,isz,ą,a}', 'gwałc{i,ił,iła,ić,isz}', 'gwalt{,u,em,y,ow,ami}', 'gwałt{,u,em,y,ów,ami}',
        'molest*', 'wykorzyst* ..2 seksualn*', 'seksualn* (wykorzyst*|napastow*|przemoc*|molest*|zmusz*)', 'napastowal*', 'napastował*', 'napastuje',
        '(obmacuj*|obmacywal*|obmacywał*|macal|macał|maca) mnie', 'wbrew (mojej)? woli', 'bez (mojej)? zgody',
      ],
      negatable: 'before',
    },
    {
      id: 'pl.sexual.forced',
      category: 'sexual-violence',
      patterns: ['(zmusza|zmuszal|zmuszał|zmuszala|zmusil|zmusił|zmusila|zmusi|zmuszac|zmuszać|zmuszanie|kaze|każe|kazal|kazał|wymusza|wymuszal|wymuszał|wymusil|wymusił) ..4 (seks*|sex*|wspolzyc*|współżyc*|stosun*|lozk*|łóżk*|zblizen*|zbliżen*|intymn*|oraln*|porno*)',
        '(zmusza|zmuszal|zmuszał|zmusil|zmusił|kaze|każe|kazal|kazał) ..3 z nim (spala|spała|spac|spać|sypiala|sypiała|sypiac|sypiać|spalam|spałam)',
        '(seks|seksu|sex|sexu|wspolzyl|współżył|uprawial|uprawiał|gwalcil|gwałcił) ..4 (kiedy|jak|gdy|podczas_gdy) (spalam|spałam|spie|śpię|bylam_pijana|byłam_pijana|bylam_nieprzytomna|byłam_nieprzytomna|zemdlalam|zemdlałam)',
        '(dosypal|dosypał|dosypala|dosypała|dolal|dolał|wsypal|wsypał) (mi|jej)? ..2 (do)? (drinka|napoju|piwa|wina|kawy|herbaty|soku|szklanki)', '(odurzyl|odurzył|odurzyla|naszprycowal|naszprycował) (mnie|ja|ją)'],
    },
    {
      id: 'pl.sexual.no-stop',
      category: 'sexual-violence',
      negatable: false,
      patterns: [
        '(zmusza|zmuszal|zmuszał|zmusil|zmusił|zmusila|kaze|każe|kazal|kazał) (mnie|ja|ją) (do)? (rzeczy|robienia_rzeczy|robienia) ..2 (nie_chcialam|nie_chciałam|nie_chce|nie_chcę)','(dotyka|dotykal|dotykał|maca|macal|macał|rozbiera|rozbieral|rozbierał) mnie ..3 (mowie|mówię|mowilam|mówiłam|krzycze|krzyczę|prosze|proszę) (ze|że)? nie',
        '(mowilam|mówiłam|powiedzialam|powiedziałam|krzyczalam|krzyczałam|prosilam|prosiłam|plakalam|płakałam) (ze)? nie ..3 (i_tak|mimo_to|a_on|ale_on|dalej|nie_przestal|nie_przestał|na_sile|na_siłę)'],
    },
    {
      id: 'pl.sexual.night',
      category: 'sexual-violence',
      patterns: ['(przychodzi|przychodzil|przychodził|wchodzi|wchodzil|wchodził|zakrada|kladzie|kładzie|wlazi|wlazl|wlazł) ..4 (pokoju|lozka|łóżka|lozku|łóżku)'],
      context: ['(ojczym*|wujek|wujka|brat|tata|ojciec|dziadek|w_nocy|noca|nocą|on)'],
    },
    {
      id: 'pl.sexual.abuse',
      category: 'sexual-violence',
      patterns: ['(wykorzystywal|wykorzystywał|wykorzystywala|wykorzystuje|wykorzystal|wykorzystał|wykorzystala) (mnie|ja|ją)', '(mnie|ja|ją) (wykorzystywal|wykorzystywał|wykorzystywala|wykorzystuje|wykorzystal|wykorzystał)'],
      context: ['(mala|mała|malym|dzieckiem|dziecko|wujek|ojczym|dziadek|brat|seksualn*|jak_bylam|jak_byłam|w_nocy|pijana|spalam|spałam|nieprzytomna|odurzona)'],
    },
    {
      id: 'pl.sexual.touch',
      category: 'sexual-violence',
      patterns: ['(miejscach|miejsca|miejsc) intymn*', '(dotykal|dotykał|dotyka|macal|macał|maca|lapal|łapał|lapie|łapie) ..3 (intymn*|krocz*|piersi|majtk*|genital*)',
        '(wsadzil|wsadził|wsadza|wlozyl|włożył|wklada|wkłada|wpycha|pchal|pchał) ..2 (reke|rękę|rece|ręce|lape|łapę|lapy|łapy|palce) (w|pod|do) (majtki|majtek|spodnie|stanik|bluzke|bluzkę|spodnice|spódnicę|sukienke|sukienkę)'],
    },
    {
      id: 'pl.sexual.images',
      category: 'sexual-violence',
      patterns: ['(nagie|nagich|nagimi|intymne|intymnych|intymnymi|rozbierane|rozbieranymi|rozebrane|erotyczne|erotycznymi) (zdjecia|zdjęcia|zdjec|zdjęć|zdjeciami|zdjęciami|filmy|filmami|filmiki|filmikami|fotki|fotkami|nagrania|nagrań|nagraniami)', 'nagrania z sypialni', 'porno zemsta', '(nagral|nagrał|nagrywal|nagrywał|sfilmowal|sfilmował|fotografowal|fotografował) (mnie)? ..1 (nago|naga|nagą|bez_ubrania|w_lozku|w_łóżku|pod_prysznicem|podczas_seksu)', '(filmik|filmiki|film|filmy|nagranie|nagrania|zdjecia|zdjęcia|fotki) ..3 (w_lozku|w_łóżku|nago|nagich|nagie|z_seksu|seks*|sex*|pod_prysznicem)'],
      context: ['(nagral|nagrał|nagrywal|sfilmowal|sfilmował|wrzuc*|opublik*|pokaz*|pokaż*|roze*|udostep*|udostęp*|wysl*|wyśl*|grozi*|szantaz*|szantaż*|internet*|neta|sieci|fb|facebook*)'],
    },
    // ---- duszenie
    {
      id: 'pl.strangle.verb',
      category: 'strangulation',
      patterns: [
        `(dusi|dusil|dusił|dusila|dusiła|dusili|dusic|dusić|dusisz|dusze|duszę) ${OSOBA}`, `${OSOBA} (dusi|dusil|dusił|dusila|dusiła|dusili|dusic|dusić)`,
        'udus{i,ic,ić,isz,il,ił,ila,iła,ilby,iłby,imy}', 'udusz{e,ę,ony,ona,enie}', 'podusi{l,ł,la,ła,c,ć}', 'poddusz*', 'przydusi*', 'przydusz*', 'zadusi*', 'zadusz*', 'dlawi{l,ł,la,ła} mnie', 'dławi{ł,ła} mnie',
      ],
    },
    {
      id: 'pl.strangle.breath',
      category: 'strangulation',
      negatable: false,
      patterns: ['nie (moglam|mogłam|moge|mogę|mogla|mogła|moglem) (oddychac|oddychać|zlapac_tchu|złapać_tchu|nabrac_powietrza|zlapac_oddechu|złapać_oddechu|wziac_oddechu|wziąć_oddechu)'],
      context: ['(szyi|gardl*|gardł*|klatk*|poduszk*|rece|ręce|dusil|dusił|usiadl|usiadł|przycisnal|przycisnął|trzymal|trzymał|zacisn*|scis*|ścis*)'],
    },
    {
      id: 'pl.strangle.neck',
      category: 'strangulation',
      patterns: [
        '(zlapal|złapał|zlapala|chwycil|chwycił|chwyta|lapie|łapie|trzymal|trzymał|scis*|ścis*|zacis*|przycis*|przygniotl|przygniótł|dusil|dusił|gniotl|gniótł) ..5 (za)? (gardlo|gardło|gardla|gardła|szyje|szyję|szyi|krtan|krtań|tchawice|kark|karku)',
        '(siniaki|siniak|slady|ślady|since|sińce|zadrapania|odciski|pregi|pręgi) ..2 (na)? (szyi|gardle)',
        '(rece|ręce|dlonie|dłonie|palce|pasek|sznur|kabel|szalik) na (mojej|jej)? (szyi|gardle)',
        '(poduszk{a,ą,e,ę}|reka|ręką|dlonia|dłonią) ..2 (twarz|twarzy|usta|nos)', '(zatkal|zatkał|zatkala|zatyka|zatykal|zatykał|zaslonil|zasłonił) (mi|jej) (nos|usta|twarz) (i|oraz) (nos|usta)',
        '(kolano|kolanem|kolana|stope|stopę|stopa|stopą|but|butem) ..2 (na|do) (mojej|jej)? (szyi|szyje|szyję|gardle|gardlo|gardło)',
      ],
    },
    // ---- broń
    {
      id: 'pl.weapon.blade',
      category: 'weapon',
      patterns: ['(noz|noza|nozem|noze|nozy|nozyk|nozykiem|nozami|kastet|kastetem|kastetu|paralizator|paralizatorem|paralizatora|tulipan|tulipanem|siekiera|siekiere|siekiera|siekiery|maczeta|maczete|maczety|mlotek|mlotkiem|mlotka|tasak|tasakiem|brzytwa|brzytwe|brzytwa|kij|kijem|palka|pałka|palke|pałkę|palka|pałką|bejsbol*|nożyczki|nozyczki|nozyczkami|nożyczkami)'],
      context: ['(czeka|czekal|czekał|stoi|pod_moja|pod_moją|pod_domem|pod_praca|pod_pracą|wozi|wozil|woził|samochodzie|aucie|bagazniku|bagażniku|kieszeni|kurtce|plecaku|wyciagn*|wyciągn*|przyloz*|przyłoż*|przylozy*|przystawi*|machal*|machał*|macha|grozi*|groz*|pogroz*|zagroz*|strasz*|wbil|wbił|wbija|zranil*|zranił*|ranil|ranił|rzucil*|rzucił*|rzuca|szedl|szedł|idzie|biegl|biegł|gonil|gonił|goni|ganial|ganiał|dzga*|dźga*|dzgn*|dźgn*|pocial|pociął|zadzga*|trzyma*|chowa*|schowal*|ma|mial|miał|nosi|gardl*|gardł*|szyi|szyje|brzuch*|poduszk*|lozkiem|łóżkiem|na_mnie|do_mnie|przed_dziecmi|przed_dziećmi|w_reke|w_rękę|w_brzuch|rzucil_sie|zamachnal*|zamachnął*|ostrzy|naostrzyl*|wyjal|wyjął|wyjmuje|wyjela|wyjęła|chwycil|chwycił|chwyta|zlapal|złapał|wzial|wziął|zaatak*|atakowal*|atakował*|uderzyl*|uderzył*|walnal|walnął|zdzielil|zdzielił|krzycz*|wrzeszcz*|mnie_w|samochodzie|aucie)'],
      unless: ['(chleb*|masl*|masła|mies*|mięs*|warzyw*|krojeni*|kroje|kroję|kroic|kroić|obier*|skalecz*|obiad*|kolacj*|sklep*|kupil*|kupił*|nowy|widelec|widelcem|ostrzalk*|ostrzałk*|gwozdz*|gwóźdź|gwoździe|obraz*|polk*|półk*|szafk*)'],
    },
    {
      id: 'pl.weapon.glass',
      category: 'weapon',
      patterns: ['(rozbita|rozbitą|rozbitej|rozbite|potluczona|potłuczoną|stluczona|stłuczoną|tluczona|tłuczoną) (butelka|butelką|butelke|butelkę|butelki|szklanka|szklanką|szklo|szkło|szklem|szkłem)'],
      context: ['(rzucil*|rzucił*|rzuca|pocial|pociął|zranil|zranił|dzga*|dźga*|grozi*|groz*|machal*|machał*|na_mnie|do_mnie|mnie|szyi|gardl*|gardł*|twarz*)'],
    },
    {
      id: 'pl.weapon.gun',
      category: 'weapon',
      patterns: ['(bron|broń|broni|bronia|bronią|pistolet|pistoletu|pistoletem|pistolety|rewolwer*|strzelb*|karabin*|spluw*|gnat|gnata|gnatem|giwer*|sztucer*|amunicj*|naboj*|naboi|granat|granatem|granaty)'],
      context: ['(zdjecia|zdjęcia|zdjec|zdjęć|fotki|przysyla|przysyła|wysyla|wysyła|ma|mial|miał|mam|trzyma*|kupil*|kupił*|pokaz*|wyciag*|wyciąg*|celowal*|celował*|celuje|nosi|schowa*|chowa|pozwoleni*|domu|szafie|samochodzie|szufladzie|lozkiem|łóżkiem|grozi*|groz*|naladowan*|naładowan*|pogroz*|zagroz*|strasz*|on|jego|maz|mąż|partner|chlopak|chłopak|byly|były|ojciec|ojczym|glowy|głowy|skroni|do_mnie|na_mnie)'],
      unless: ['broni (mnie|nas|sie|się|jej|go|dzieci)', '(gra|gry|grze|filmie|film|muzeum|strzelnic*|strzelanki|sprzedal|sprzedał|oddal|oddał|pozbyl*|pozbył*|zabrali|odebrali|odebrala|odebrała|odebrano|cofnieto|cofnięto|sluzbow*|służbow*)'],
    },
    { id: 'pl.weapon.shoot', category: 'weapon', patterns: ['na muszce', 'zadzga*', 'zadźga*', 'zastrzel*', 'odstrzel*', 'postrzel{i,il,ił,ila,iła,ic,ić,e,ę}', '(strzelal|strzelał|strzelil|strzelił|wystrzelil|wystrzelił|strzela) (w|do|przez) (sufit|sciane|ścianę|podloge|podłogę|drzwi|okno)', '(wymierzyl|wymierzył|wymierzyla|mierzyl|mierzył|mierzy|celuje|celowal|celował) (do|we|w) (mnie|nas|ja|ją|dzieci|syna|corke|córkę|glowe|głowę)', `(strzel{i,il,ił,ila,ac,ać,a,al,ał}) (do|w) ${OSOBA}`, '(dzga*|dźga*|dzgn*|dźgn*|zadzga*|zadźga*|pchnal|pchnął) (mnie|ja|ją|cie|nas|go|nozem|nożem)', 'oblac kwasem', 'oblać kwasem', 'oblal* mnie kwasem'] },
    // ---- groźby zabójstwa
    {
      id: 'pl.kill.verb',
      category: 'threat-to-kill',
      unless: ['(sie|się) zabi*', 'zabi* (sie|się)'],
      patterns: [
        'zabi{j,je,ję,jesz,jemy,jecie,ja,ją,c,ć,l,ł,la,ła,li,lby,łby,lbym,łbym,labym,łabym,jesz}', 'zabij{e,ę}_cie', 'zamord*', 'morduj*', 'ukatrup*', 'wykończ{e,ę,y,ysz,yc,yć,ył,yła}', 'wykoncz{e,y,ysz,yc,yl,yla}',
        'zatlu{ke,kę,cze,czesz,c,kl,kla}', 'zatłu{kę,cze,czesz,c,kł,kła}', 'pozabij{a,am,asz,ac,ać,al,ał,e,ę}', 'zaciuk{am,a,asz,ac,ać,al,ał}', 'zarzn{e,ę,ie,iesz,ac,ąć,al,ął,ela,ęła}', 'zaszlachtu*', 'utlu{ke,kę,cze,czesz,c,kl,kla}', 'utłu{kę,cze,czesz,c,kł,kła}',
        '(zabilby|zabiłby|zabilaby|zabiłaby) (mnie|cie|cię|ja|ją|nas|was|go)',
        'zajeb{ie,ię,iesz,ac,ać,al,ał,ała,e}', 'zakatuj*', 'skatuj*',
      ],
    },
    {
      id: 'pl.kill.slang',
      category: 'threat-to-kill',
      note: 'Slang for killing; the same verbs also mean "arrange" (załatwić) and "clean up" (sprzątnąć), so an object pronoun is required.',
      patterns: [
        '(zalatw{ie,ię,i,isz,ic,ić}|załatw{ię,i,isz,ić}|sprzatn{e,ę,ie,iesz,ac,ąć}|sprzątn{ę,ie,iesz,ąć}|kropn{e,ę,ie,iesz,ac,ąć}|odjeb{ie,ię,iesz}) (cie|cię|ciebie|mnie|ja|ją|was|nas|go)',
        '(cie|cię|ciebie|mnie|ja|ją|was|nas) (zalatw{ie,ię,i}|załatw{ię,i}|sprzatn{e,ę,ie}|sprzątn{ę,ie}|kropn{e,ę,ie})',
      ],
      unless: ['(ci|tobie|mi|sobie|jej|mu) (termin|prace|pracę|wizyte|wizytę|lekarza|bilet*|kuchnie|kuchnię|pokoj|pokój)', '(zalatw*|załatw*) (to|tego|sprawe|sprawę|sprawy|formalnosci|formalności)', '(kuchnie|kuchnię|pokoj|pokój|mieszkanie|stol|stół|naczynia|zabawki|po_sobie)'],
    },
    {
      id: 'pl.kill.threat',
      category: 'threat-to-kill',
      patterns: ['groz{i,il,ił,ila,iła,ili,ic,ić,isz,ba,by,bami,b,bach,bą}', '(zagroz{i,il,ił,ila,iła,ili,ic,ić}|pogroz{i,il,ił,ila,iła,ili,ic,ić}) (mi|nam|jej|ze|że|mnie|smiercia|śmiercią)', 'groź{ba,by,bami,b,bą}', 'odgraz*', 'odgraż*', 'smiercia', 'śmiercią', 'grozb{y,a} smierci'],
      unless: ['(zwolnieni*|rozwod*|rozwód|sad*|sąd*|sadem|policj*|wyrzuceni*|eksmisj*|odejsci*|odejści*|kar*|wiezieni*|więzieni*|mandat*|grzywn*|komornik*|odcięciem|odcieciem|pieniedzy|pieniędzy|wyprowadzk*|deszcz*|burz*|powodz*|powódź|niebezpieczenstwo_pozaru|palcem)'],
    },
    {
      id: 'pl.kill.other',
      category: 'threat-to-kill',
      patterns: [
        '(wyladujesz|wylądujesz|wyladuje|wyląduje|wyladuje|skonczysz|skończysz|skonczy|skończy|skoncze|skończę) (w|na|pod) ..1 (rzece|jeziorze|lesie|rowie|piachu|grobie|trumnie|ziemi|cmentarzu|kostnicy)',
        '(pojdziesz|pójdziesz|pojde|pójdę|pojdzie|pójdzie|wysle|wyśle|posle|pośle) (do|pod) (piachu|piach|grobu|trumny|ziemi|ziemię)',
        '(idz|idź|spadaj) (sie)? (powies|powieś|zabij|utop|otruj)',
        '(jestes|jesteś|jestem|bedziesz|będziesz|juz|już|jestescie|jesteście|bedziecie|będziecie) (trup|trupem|trupami|martwa|martwy|martwi|martwe)',
        '(zebym|żebym|zebys|żebyś|obys|obyś) (zdechla|zdechła|zdechl|zdechł|zdechli)', '(zdechnij|zdychaj|zdechniesz|zdechniecie)',
        '(dokonczy|dokończy|dokoncze|dokończę|dokonczyc|dokończyć) (robote|robotę|dzielo|dzieło|sprawe|sprawę)',
        `wie gdzie (mieszkasz|mieszkaja|mieszkają|mieszkam|mieszka|pracujesz|pracuje|pracuję|sa|są|jestes|jesteś|jestem)`, `(skrzywdzi|skrzywdze|skrzywdzę|skrzywdzimy) ..1 (cie|ciebie|was|ich|mnie|nas|rodzine|rodzinę|rodzicow|rodziców|mame|mamę)`,
        `(zrobie|zrobię|zrobi) (ci|tobie|wam|mi|nam) (krzywde|krzywdę)`, 'zakop{ie,ię,iesz,ac,ać,al,ał,e} (mnie|cie|cię|ja|ją|was|nas|go|ciebie)', '(mnie|cie|ja|was|nas|ciebie) zakop*',
        '(spal{i,e,ę,ic,ić,il,ił}|podpal{i,e,ę,ic,ić,il,ił}) ..3 (dom|mieszkanie|nas|mnie|cie|cię|was|chate|chatę|chalupe|samochod|auto)',
        '(oblal|oblał|oblac|oblać|oleje|obleje) ..2 (benzyna|benzyną|rozpuszczalnikiem)',
        '(poderz*|poderż*|podetn{e,ę,ie}|podcial|podciął|przetn{e,ę,ie}|poderznal|poderżnął) ..2 (gardlo|gardło|gardla|gardła)', '(skrec*|skręc*|zlamie|złamie|złamię|zlamie|ukrece|ukręcę|ukreci|ukręci) ..2 (kark|karku|szyje|szyję)',
        '(rozwale|rozwalę|rozwali|rozbije|rozbiję|roztrzaskam|rozwalil|rozwalił) ..2 (leb|łeb|glowe|głowę|czaszke|czaszkę)',
        `(utop{ic,ić,i,il,ił,ila,iła,isz,ie,ię}|otru{c,ć,je,ję,l,ł,la,ła}) ${OSOBA}?`,
        `(dopadn{e,ę,ie,iemy}|dorw{e,ę,ie}) ${OSOBA}`, `${OSOBA} (dopadn{e,ę,ie}|dorw{e,ę,ie}|dopasc|dopaść|dorwac|dorwać)`,
        `(powiesz{e,ę}|powiesi) (cie|cię|ciebie|was|ja|ją|mnie|go)`,
        `(wyrzuc{e,ę,i,il,ił}|zepchn{e,ę,ie,al,ął,ela,ęła}|zrzuc{e,ę,i,il,ił}) ${OSOBA} ..1 (przez|z) (okno|balkon|balkonu|dachu|mostu|schodow|schodów|okna)`,
        `(przejad{e,ę}|przejedzie|rozjad{e,ę}|rozjedzie|rozjechac|rozjechać|przejechac|przejechać) ${OSOBA}`, `${OSOBA} (przejad{e,ę}|przejedzie|rozjad{e,ę}|rozjedzie|przejechac|przejechać|rozjechac|rozjechać)`,
        '(trzymal|trzymał|trzyma|przytrzymal|przytrzymał|wsadzil|wsadził|wcisnal|wcisnął|wpychal|wpychał) (mi|mnie|jej|ja|ją)? (glowe|głowę)? pod (woda|wodą|wode|wodę)',
        '(twoje|twoich|moje|nasze) dni (sa|są)? policzone', 'policzone (sa|są)? (twoje|moje) dni', '(bede|będę|bedziesz|będziesz|bedzie|będzie) (martwa|martwy|trupem|w_trumnie|w_grobie)', '(ja|ty) (bede|będę|bedziesz|będziesz)? (nastepna|następna|nastepny|następny)',
      ],
    },
    {
      id: 'pl.kill.not-alive',
      category: 'threat-to-kill',
      negatable: false,
      patterns: [
        'nie (zobaczysz|zobacze|zobaczę|zobaczy|zobaczyla|zobaczyła) (wiecej|więcej|juz|już)? (slonca|słońca|swiatla|światła|dnia|dzieci|rodziny)', 'nastepnym razem ..4 nie (wstane|wstanę|wstaniesz|wstanie|przezyje|przeżyję|przezyjesz|przeżyjesz|obudzisz|obudze|obudzę)',
        'nie (dozyje|dożyję|dozyjesz|dożyjesz|dozyjemy|dożyjemy|przezyje|przeżyję|przezyjesz|przeżyjesz) (do)? (swiat|świąt|rana|jutra|urodzin|nowego_roku|konca|końca|wieczora|weekendu|lata|wiosny|pelnoletnosci)',
        '(nie|nigdy) (wyjdziesz|wyjde|wyjdę|wyjdzie) ..1 (stad)? (zywa|żywa|zywy|żywy|zywi|żywi|zywo)', 'nie (przezyjesz|przeżyjesz|dozyjesz|dożyjesz|pozyjesz|pożyjesz)',
        '(juz|już|jestes|jesteś|ty|wy) nie (zyjesz|żyjesz|zyjecie|żyjecie)',
        '(jak|jesli|jeśli) nie (ja|on|ze_mna|ze_mną|z_nim) to (nikt|z_nikim)', `${OSOBA} nikt ..1 (nie)? (bedzie|będzie|dostanie|ma)`, '(nikt|nikomu) (inny)? cie nie (bedzie|będzie|dostanie)',
      ],
    },
    // ---- bezpośrednie zagrożenie
    {
      id: 'pl.now.door',
      category: 'immediate-danger',
      patterns: [
        '(wywaz*|wyważ*|wylam*|wyłam*|rozwal*|rozbij*|rozbil|rozbił|wybil|wybił|wybija|kopie|kopal|kopał|wali|walil|walił|lomocz*|łomocz*|szarpie|tlucze|tłucze|dobija|wywala|wywalil|wywalił) ..2 (drzwi|drzwiami|okno|okna|szybe|szybę|zamek)',
        '(dobija|dobijal|dobijał|dobijaja) sie', '(stoi|czeka|krazy|krąży|wali|krzyczy|siedzi) (pod|przed) ..1 (drzwiami|blokiem|domem|oknem|oknami|klatka|klatką)',
        '(on|maz|mąż|byly|były|partner|ojciec|chlopak|chłopak|konkubent) ..2 (pod|przed) (drzwiami|domem|blokiem|oknem|oknami|klatka|klatką|moja_praca|moją_pracą|szkola|szkołą|schroniskiem|osrodkiem|ośrodkiem)',
        '(probuje|próbuje|chce|usiluje|usiłuje) (wejsc|wejść|wlezc|wleźć|wtargnac|wtargnąć|sie_dostac|się_dostać|dostac_sie|dostać_się|sie_wlamac|się_włamać|wlamac_sie|włamać_się)', '(wlamuje|włamuje|wlamal|włamał|wdarl|wdarł|wtargnal|wtargnął) sie',
      ],
    },
    {
      id: 'pl.now.coming',
      category: 'immediate-danger',
      patterns: [
        '(wraca|wroci|wróci|jedzie|idzie|wchodzi|bedzie|będzie) (tu|tutaj|do_domu|z_powrotem)? ..1 (teraz|zaraz|juz|już|za_chwile|za_chwilę|pijany|wsciekly|wściekły|naćpany|nacpany)',
        '(zaraz|juz|już|za_chwile|za_chwilę) (tu|tutaj) (bedzie|będzie|jest)', '(on|maz|mąż|byly|były|partner) (juz|już)? (tu|tutaj) jest', '(on|maz|mąż) (jest|juz_jest|już_jest) (pod_drzwiami|pod_domem|w_domu_pijany|na_klatce)',
        '(rozwala|rozbija|demoluje|niszczy|tlucze|tłucze) (wszystko|meble|naczynia|talerze|mieszkanie|dom|szafki)', '(wlazi|wlazl|wlazł|wlezie|wspina_sie|wspina_się|pcha_sie|pcha_się) (przez|do|na) (okno|balkon|okna)',
        '(pijany|pijana|nacpany|naćpany|wsciekly|wściekły|agresywny|narabany|nawalony) ..2 (wraca|jedzie|idzie|wchodzi|przyjezdza|przyjeżdża|dobija)',
        '(jedzie|idzie|wraca|przyjezdza|przyjeżdża|leci|biegnie) (do_mnie|do_nas|po_mnie|po_nas|za_mna|za_mną)', '(mnie|nas) (szuka|szukal|szukał|sledzi|śledzi|nachodzi|namierzyl|namierzył)',
        '(juz|już|wlasnie|właśnie) (tu)? (idzie|jedzie|wraca|wchodzi|przyjezdza|przyjeżdża)', '(zaraz|juz|już|za_chwile|za_chwilę) (tu|do_domu)? (wroci|wróci|przyjdzie|przyjedzie|wpadnie)',
        '(on|maz|mąż|byly|były|partner|jest|juz_jest|już_jest) w drodze', '(wszedl|wszedł|wchodzi|wlazl|wlazł|wlazi|wdarl|wdarł|wlamal|włamał) (sie)? przez (okno|okna|balkon|piwnice|piwnicę|garaz|garaż)', '(wyszedl|wyszedł) z (wiezienia|więzienia|aresztu|pudla|pudła)',
        'pomocy ..1 (on|wraca|jest|tu|juz|już|bije|dusi|wali|idzie|jedzie)', '(wraca|tu|jest) pomocy', 'ratunku', 'ratujcie',
      ],
      unless: ['(jutro|pojutrze|weekend|weekendzie|sobote|sobotę|niedziele|niedzielę|poniedzialek|poniedziałek|wtorek|srode|środę|czwartek|piatek|piątek|miesiac|miesiąc|tydzien|tydzień|po_dzieci|po_rzeczy|z_pracy_o|do_pracy|z_zakupami|na_zakupy|lepiej|dobrze|spac|spać|termin*|grypa|przeziebienie|przeziębienie|prace|pracę|zapalic|zapalić|papierosa|kolega)'],
    },
    {
      id: 'pl.now.follow',
      category: 'immediate-danger',
      patterns: ['(goni|gonil|gonił|sciga|ściga|scigal|ścigał|sledzi|śledzi|sledzil|śledził) (mnie|nas)', '(mnie|nas) (goni|gonil|gonił|sciga|ściga|sledzi|śledzi)', '(znalazl|znalazł|namierzyl|namierzył|wytropil|wytropił|wyśledził|wysledzil) (mnie|nas)'],
      unless: ['(czas|termin*|deadline*|praca|robota|instagram*|facebook*|fb|insta|tiktok*|internet*|sieci|prace|pracę|mieszkanie|prawnik*)'],
    },
    {
      id: 'pl.now.attack',
      category: 'immediate-danger',
      patterns: [
        '(wlasnie|właśnie|teraz|w_tej_chwili|znowu_teraz) (mnie|nas|ja|ją|mame|mamę)? (bije|dusi|kopie|atakuje|leje|tlucze|tłucze|katuje|szarpie)', '(bije|dusi|kopie|leje|tlucze|tłucze|atakuje|katuje) (mnie|nas|ja|ją|mame|mamę) (teraz|wlasnie|właśnie|w_tej_chwili)',
        '(zamknelam|zamknęłam|zamknelismy|zamknęliśmy|schowalam|schowałam|ukrylam|ukryłam|barykaduje|zabarykadowalam) sie', '(chowam|chowamy|ukrywam|ukrywamy) sie',
        '(zamknal|zamknął|zamyka|zamknela|zamknęła|uwiezil|uwięził) (mnie|nas|ja|ją) (w|na|od)?',
      ],
    },
  ],
};
