//! `--help` in Bokmål. The English help lives in the doc comments of the
//! argument structs (the source of truth); this table gives the Bokmål text
//! for every command and argument, applied to the clap tree at start-up when
//! the language is `nb`. A unit test fails when a command or an argument has
//! no Bokmål text, so the two cannot drift apart silently.

use clap::Command;

use crate::tr;

/// (command path, one-line summary, longer description or "").
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "",
        "Kjør et innovasjonsprosjekt i kommunen som rene TOML-filer i git",
        "Kjør et tjenesteinnovasjonsprosjekt slik KS' veikart for tjenesteinnovasjon\n\
         beskriver det: idéer, utprøving av løsninger, tjenestereisen og RACI-matrisen,\n\
         gevinstplanen og målingene, sjekklistene for hver fase, som rene TOML-filer i\n\
         et git-repo, én fil per post, sjekket av `veikart check`, brukt som port i CI\n\
         med `veikart checklist --check`, og oppsummert av `veikart status` og\n\
         `veikart report`.",
    ),
    (
        "init",
        "Start et nytt prosjekt: skriv veikart.toml i MAPPE (standard: her)",
        "Rører aldri en mappe som allerede har et prosjekt. Prosjektet starter i\n\
         veikartets første fase; postene legges i én mappe per slag (ideas/, …),\n\
         som lages når den første posten skrives. En --lang gitt her blir\n\
         prosjektets språk (standard: nb, bokmål).",
    ),
    ("idea", "Samle idéer, vurder dem og bestem hva som skal skje med dem", ""),
    (
        "idea add",
        "Registrer en ny idé og skriv ut id-en",
        "Id-en lages av tittelen (`Bedre skilting på legevakten` →\n\
         `bedre-skilting-pa-legevakten`); finnes den fra før, får den `-2`, `-3`.\n\
         Idéen starter med status `new` og dagens dato som `submitted`.",
    ),
    (
        "idea list",
        "Vis idéene, høyest prioritet først",
        "Prioritet = gjennomførbarhet × gevinst × (6 − kostnad) ÷ 1,25, fra 0 til\n\
         100; kostnad teller som 3 når den ikke er vurdert (docs/ideas.md).\n\
         Filtrene kan kombineres.",
    ),
    (
        "idea show",
        "Vis én idé med vurdering og beslutninger",
        "Enhver entydig begynnelse av id-en virker (`veikart idea show bedre`).",
    ),
    (
        "idea assess",
        "Gi en idé poeng for gjennomførbarhet og gevinst (og kostnad), som gir prioriteten",
        "Poengene er hele tall fra 1 til 5. Prioritet = gjennomførbarhet × gevinst ×\n\
         (6 − kostnad) ÷ 1,25, fra 0 til 100; uten --cost teller kostnaden som 3.\n\
         En ny idé blir `assessed`. En ny vurdering erstatter den gamle.",
    ),
    (
        "status",
        "Vis prosjektet i korte trekk: fase, idéer etter status, de beste idéene, gevinstplanen, åpne avvik",
        "Forankring, innsikt, løsningsforslag, teknologi, piloten og loggen får\n\
         én linje hver når de har poster.",
    ),
    (
        "report",
        "Skriv en fremdriftsrapport til driftsmøtet: arbeidet i alle fasene i ett dokument",
        "Fasen og det som gjenstår, gevinster og indikatorer med grafer, økonomi,\n\
         avvik og tiltak, leverandører, idéer, løsningsforslag og brukertester,\n\
         teknologivalget, tjenestereisen med kontaktpunkter, HUKI-matrisen, rutiner,\n\
         tjenesteeieren og loggen. Deler uten innhold er utelatt.\n\
         \n\
         Markdown som standard (lim den inn i en wiki, en sak eller en e-post; GitHub\n\
         og GitLab tegner Mermaid-grafene); med `-o FIL.md` blir grafen for hver\n\
         indikator en SVG-fil ved siden av (`rapport-ID.svg`). `--format html` gir én frittstående side som skrives ut på A4;\n\
         `--format json` gir de samme dataene. Rapporten er på prosjektets språk\n\
         (bytt med `--lang`).",
    ),
    (
        "site",
        "Skriv prosjektet som et statisk nettsted for alle som aldri åpner en terminal",
        "En forside (fasen, trafikklysene fra den siste publiserte statusrapporten,\n\
         det som gjenstår, gevinstene i korte trekk), en side per fase med sjekkliste og belegg, og sider for gevinster og indikatorer med\n\
         grafer, tjenestereisen, HUKI-matrisen, rutiner, idéer, løsningsforslag,\n\
         teknologi, avvik, leverandører og loggen, koblet sammen med en meny på hver\n\
         side og et register A–Å over alt på dem. Rene HTML-filer: ingen skript,\n\
         ingenting hentes utenfra, og de kan skrives ut på A4. Publiser MAPPE med\n\
         GitLab Pages eller GitHub Pages (docs/ci.md viser begge jobbene), eller åpne\n\
         MAPPE/index.html i en nettleser. Statusrapporter som er utkast, kommer ikke\n\
         med uten --drafts. Sidene veikart skriver, blir erstattet; andre filer i\n\
         MAPPE blir ikke rørt. MAPPE kan ikke være prosjektmappen eller en av\n\
         mappene med poster.",
    ),
    (
        "portfolio",
        "Oppsummer alle veikart-prosjekter i et mappetre: fase, sjekkliste, gevinster, avvik",
        "Leter etter `veikart.toml` i MAPPE og alle mapper under (skjulte mapper,\n\
         `target` og `node_modules` hoppes over, og det letes ikke etter flere\n\
         prosjekter inne i et prosjekt). Et prosjekt som ikke kan leses, vises med\n\
         grunnen, og da er avslutningskoden 1.",
    ),
    (
        "phase",
        "Vis fasen prosjektet er i, stegene og det som gjenstår; eller bytt fase",
        "Uten underkommando vises fasen, veikartets steg for den, punktene på\n\
         sjekklisten som ikke er ferdige, og tidligere fasebeslutninger. Veikartet\n\
         er ingen rett linje: det er lov å gå tilbake eller hoppe over en fase, og\n\
         hvert bytte lagres med begrunnelse i `decisions/`.",
    ),
    (
        "phase set",
        "Flytt prosjektet til en annen fase og skriv ned hvorfor",
        "Skriver `decisions/<dato>-<fra>-to-<til>.toml` med dato, hvem som\n\
         bestemte, begrunnelsen og sjekklisten for fasen som forlates slik den\n\
         vurderes nå (hvert punkts status, svar og data, og commiten den ble\n\
         vurdert ved), og endrer så `phase` i veikart.toml. Uferdige punkter\n\
         nevnes ved navn, og `checklist --check` regner dem som uferdige så\n\
         lenge fasen er lukket.",
    ),
    (
        "checklist",
        "Vis sjekklisten for en fase, svar på punktene, eller bruk den som port i CI",
        "Hver fase i veikartet slutter med en sjekkliste. Automatiske punkter\n\
         avgjøres av prosjektets data, foreslåtte punkter viser hva dataene sier\n\
         mens en person svarer, og manuelle punkter besvares av en person. Et punkt\n\
         er ferdig når det er gjort (automatiske: når dataene holder) eller besvart\n\
         som ikke relevant. Med `--check` blir avslutningskoden 1 når noe er\n\
         uferdig, så en CI-jobb hindrer at en fase lukkes ved et uhell, og 2 når\n\
         en fil har feil og sjekklisten ikke kan avgjøres. En fase prosjektet\n\
         har lukket med en beslutning, vurderes slik beslutningen lagret den;\n\
         `--recheck` viser dagens vurdering ved siden av.",
    ),
    ("checklist tick", "Merk et punkt som gjort", ""),
    (
        "checklist answer",
        "Svar nei, ikke relevant eller fortsatt åpen på et punkt (krever en merknad)",
        "",
    ),
    ("checklist untick", "Ta tilbake et svar (punktet blir åpent igjen)", ""),
    ("roadmap", "Vis veikartet prosjektet følger: faser, steg og sjekklistepunkter", ""),
    (
        "roadmap show",
        "Skriv ut veikartet som brukes (tekst, json eller md)",
        "De innebygde veikartene er `ks-2018` (seks faser, standard) og\n\
         `samveis-2015` (fem faser). Et prosjekt kan legge til egne punkter, eller\n\
         følge et helt eget veikart, med en `roadmap.toml` i prosjektmappen; se\n\
         docs/roadmap.md.",
    ),
    (
        "check",
        "Sjekk alle filene i prosjektet og meld alle problemer på én gang",
        "Melder TOML-syntaksfeil, ukjente nøkler, feil typer, ugyldige verdier,\n\
         poeng utenfor skalaen, filnavn som ikke er id-er og henvisninger til\n\
         poster som ikke finnes, som `sti:linje:kolonne: error[kode]: melding` med\n\
         `hint:`-linjer, sortert på sti og linje. Avslutningskode: 0 i orden\n\
         (advarsler er lov), 1 problemer funnet, 2 kunne ikke kjøre.\n\
         `--format github` gir merknader for GitHub Actions.",
    ),
    (
        "diff",
        "Vis hva som er endret i prosjektet, post for post, med prosjektets egne ord",
        "Sammenligner to tilstander av prosjektet: uten revisjon siste commit (HEAD)\n\
         og filene slik de er nå, lagret i git eller ikke (også nye postfiler); med\n\
         én revisjon den og filene nå; med to (eller `A..B`) A og B; med `A...B` det\n\
         B har endret siden den skilte lag med A (fra felles forgjenger), slik en\n\
         pull request viser det. Hver endret post vises under sitt slag, med hvert\n\
         endret felt som `felt: gammelt → nytt`, og mange verdier for én indikator\n\
         summeres på én linje.",
    ),
    (
        "history",
        "Fortell historikken til en post, eller til prosjektet, fra git",
        "Hver commit som endret posten (eller, uten ID, en fil i prosjektet), nyeste\n\
         først: dato, forfatter og emne, og hva den endret, med de samme ordene som\n\
         `veikart diff`. ID er id-en til en post eller stien til den\n\
         (`ideas/bedre-skilting`); en sti finner også en post som er fjernet siden.\n\
         Flettecommiter hoppes over; det de tar med, vises ved commitene de fletter\n\
         inn. (`veikart log` er prosjektets egen logg over kommunikasjon, feiringer\n\
         og rapporter.)",
    ),
    (
        "repair",
        "Fullfør en skriving som ble avbrutt, og fjern midlertidige filer den etterlot",
        "En skriving av flere filer (`measure import`, `phase set`, å fjerne et\n\
         teknologialternativ) skjer helt eller ikke i det hele tatt. Ble veikart\n\
         stoppet midt i en, ordner neste kommando som skriver det før den gjør noe\n\
         annet; `repair` gjør bare det. Den fjerner også midlertidige filer\n\
         (`.veikart-…`) i prosjektet. `check` melder begge deler\n\
         (`unfinished-write`, `stray-temp`). Ingenting annet endres.",
    ),
    ("role", "Registrer rollene som deltar i tjenesten (roller, ikke personer)", ""),
    (
        "role add",
        "Registrer en rolle og skriv ut id-en",
        "En rolle er en funksjon i tjenesten (sykepleier, fastlege, pårørende), ikke\n\
         en navngitt person, så RACI-matrisen tåler at folk slutter.",
    ),
    ("role list", "Vis rollene og hvor mange aktiviteter hver har en bokstav på", ""),
    ("role show", "Vis en rolle og bokstavene den har på hver aktivitet", ""),
    (
        "journey",
        "Tegn tjenestereisen: stegene brukeren går gjennom, i rekkefølge",
        "Det finnes to reiser: `current` (dagens tjeneste, kartet fra innsiktsfasen)\n\
         og `future` (den nye tjenesten, standard). Hvert steg er én fil med et\n\
         `order`-tall; å legge til, sette inn eller flytte et steg skriver bare det\n\
         stegets fil.",
    ),
    ("journey add", "Legg til et steg i en reise og skriv ut id-en", ""),
    ("journey list", "Vis stegene i reisene i rekkefølge, med aktiviteter og kontaktpunkter", ""),
    ("journey show", "Vis ett steg med aktiviteter og kontaktpunkter", ""),
    (
        "journey move",
        "Flytt et steg til et annet sted i reisen",
        "Bare filen til steget som flyttes, endres (`order`).",
    ),
    ("activity", "Registrer arbeidsprosessene (aktivitetene) bak hvert steg i reisen", ""),
    (
        "activity add",
        "Registrer en aktivitet i et steg og skriv ut id-en",
        "Gi den RACI/HUKI-bokstaver etterpå med `veikart raci set`.",
    ),
    ("activity list", "Vis aktivitetene gruppert etter steg, med RACI-bokstavene", ""),
    ("activity show", "Vis én aktivitet med RACI-raden", ""),
    (
        "raci",
        "Hold RACI/HUKI-matrisen: hvem er hovedansvarlig, utfører, konsulteres, informeres",
        "Bokstaver: H = hovedansvarlig (A), U = utførende (R), K = konsulteres (C),\n\
         I = informeres. Begge alfabetene virker, med store eller små bokstaver; HU\n\
         (eller AR) når den hovedansvarlige også gjør jobben. Hver celle lagres i\n\
         aktivitetens egen fil.",
    ),
    ("raci set", "Gi en rolle bokstav(er) på en aktivitet", ""),
    ("raci unset", "Ta bort bokstavene en rolle har på en aktivitet", ""),
    ("raci show", "Vis RACI-matrisen: aktiviteter etter steg som rader, roller som kolonner", ""),
    (
        "raci check",
        "Sjekk bare RACI-reglene: én H per aktivitet, minst én U, én bokstav per rolle (unntatt HU), roller og steg som finnes",
        "",
    ),
    ("routine", "Hold enkle rutiner med en eier, og gå gjennom dem i tide", ""),
    (
        "routine add",
        "Registrer en rutine og skriv ut id-en",
        "Intervallet er et antall måneder eller år (6m, 12m, 1y); `check` advarer\n\
         når en rutine har passert datoen for gjennomgang.",
    ),
    ("routine review", "Registrer at en rutine er gjennomgått", ""),
    ("routine list", "Vis rutinene med eier og neste gjennomgang", ""),
    (
        "status-report",
        "Skriv statusrapporter med trafikklys, og publiser dem knyttet til en commit",
        "En rapport gir et lys (grønn, gul, rød) for prosjektet som helhet og for tid,\n\
         kostnad, kvalitet, risiko og gevinster, hvert med en kommentar. En ny rapport\n\
         starter fra den forrige; `publish` registrerer dagen og git-commiten den\n\
         beskriver, og fra da av er rapporten låst, så `veikart report --status-report ID`\n\
         alltid viser prosjektet slik det var.",
    ),
    (
        "status-report new",
        "Skriv en statusrapport og skriv ut id-en",
        "Lys og kommentarer som ikke gis, hentes fra den forrige rapporten (den siste\n\
         etter periode). Uten en tidligere rapport må alle lysene gis, unntatt når\n\
         veikart kjører i en terminal: da åpnes $VISUAL eller $EDITOR på en mal som\n\
         fylles ut. Perioden er inneværende måned om ikke --period sier noe annet; en\n\
         rapport nummer to for samme periode får id-en `2026-11-2`.",
    ),
    ("status-report list", "Vis statusrapportene: periode, hvert lys, publisert eller utkast", ""),
    (
        "status-report publish",
        "Publiser en statusrapport: registrer dagen og git-commiten den beskriver",
        "Rapporten beskriver da prosjektet nøyaktig slik det er lagret i HEAD:\n\
         `veikart report --status-report ID` leser prosjektet fra den commiten.\n\
         Avvises utenfor git, før den første commiten, og så lenge andre poster i\n\
         prosjektet enn rapportens egen fil har endringer som ikke er lagret i en\n\
         commit. Selve rapportfilen endres (`published` og `commit`): lagre den i en\n\
         commit etterpå. En publisert rapport er låst; skriv en ny for neste periode.",
    ),
    (
        "touchpoint",
        "Registrer kontaktpunktene der brukerne møter tjenesten: digitalt, fysisk, mellom mennesker",
        "",
    ),
    ("touchpoint add", "Registrer et kontaktpunkt og skriv ut id-en", ""),
    ("touchpoint list", "Vis kontaktpunktene gruppert etter steg", ""),
    (
        "owner",
        "Vis eller velg tjenesteeieren: den ene rollen som eier hele tjenesten",
        "Noen må eie tjenesten fra A til Å, så det alltid finnes et svar på «hvem tar\n\
         tak når noe går galt?». Eieren lagres som `owner` i veikart.toml; `check`\n\
         advarer når den mangler fra piloteringen av.",
    ),
    (
        "schema",
        "Skriv ut JSON-skjemaet for en filtype, for redigeringsverktøy som taplo",
        "Uten SLAG vises listen over filtyper. De samme skjemaene ligger i\n\
         docs/schema/ i kildekoden til veikart; pek redigeringsverktøyet ditt dit\n\
         (docs/file-format.md).",
    ),
    // Issue 5: proposals, technology, anchoring, insight, pilot, log.
    (
        "proposal",
        "Gjør valgte idéer om til løsningsforslag, test dem med brukere, behold eller forkast",
        "",
    ),
    (
        "proposal add",
        "Registrer et løsningsforslag og skriv ut id-en",
        "Et forslag gjør én eller flere valgte idéer konkrete: en skisse, en tegning\n\
         av reisen, et utkast til et skjema. Det starter som utkast.",
    ),
    (
        "proposal test",
        "Registrer en rask test av et forslag med brukere, pårørende eller ansatte",
        "Hver test er sin egen fil, user-tests/<forslag>/<dato>.toml (en test til\n\
         samme dag får -2), så tester registrert på to grener flettes uten\n\
         konflikt. Et forslag som er utkast, blir testet.",
    ),
    (
        "proposal decide",
        "Behold eller forkast et forslag, med begrunnelse",
        "Begrunnelsen kreves alltid, så prosjektet husker hvorfor. Datoen lagres\n\
         som `decided`.",
    ),
    ("proposal estimate", "Anslå hva et forslag koster og hva det gir", ""),
    ("proposal list", "Vis løsningsforslagene med status, tester og anslag", ""),
    ("proposal show", "Vis ett forslag med idéene, testene og beslutningen", ""),
    ("tech", "Utvikle, kjøp eller anskaff teknologi, og sammenlign valgene på fem kriterier", ""),
    (
        "tech add",
        "Registrer et teknologivalg og skriv ut id-en",
        "Ta med IT-enheten tidlig (--it-involved). Anskaffelsesreglene tillater en\n\
         tidsbegrenset utprøving før en kontrakt (--trial-until).",
    ),
    (
        "tech assess",
        "Gi et teknologivalg poeng på ett kriterium, fra 1 (dårlig) til 5 (svært godt)",
        "Kriteriene er brukerbehov, integrasjoner, skalerbarhet,\n\
         informasjonssikkerhet (og personvern) og kostnader. Hver vurdering er\n\
         sin egen fil, assessments/<valg>/<kriterium>.toml, så vurderinger av\n\
         ulike kriterier på to grener flettes uten konflikt. En ny vurdering av\n\
         samme kriterium erstatter poeng, notat og dato i den filen.",
    ),
    ("tech list", "Vis teknologivalgene med valg, leverandør og poengsum", ""),
    ("tech show", "Vis ett teknologivalg med poeng, notat og dato på hvert kriterium", ""),
    (
        "tech compare",
        "Sammenlign teknologivalgene side om side: kriterier som rader, valg som kolonner",
        "Hver celle er valgets poeng (1–5) på kriteriet; siste rad er summen. Et\n\
         kriterium som ikke er vurdert, vises som `–` og teller 0.",
    ),
    (
        "idea promote",
        "Start et nytt innovasjonsprosjekt i MAPPE fra en idé, og koble de to sammen",
        "Det nye prosjektet får idéens tittel som navn, beskrivelsen som\n\
         utfordring og kilden; veikart.toml der får `from_project` og `from_idea`.\n\
         Idéen får status `promoted` (videreført) og `promoted_to` (den nye mappen,\n\
         sett fra dette prosjektet). Det nye prosjektet følger samme veikart: har\n\
         dette prosjektet en egen roadmap.toml, kopieres den dit. Rører ingenting\n\
         når MAPPE allerede har et prosjekt eller ligger inni dette.",
    ),
    ("pilot", "Planlegg piloten etter veikartets ti punkter, velg én ansvarlig, loggfør funn", ""),
    (
        "pilot plan",
        "Skriv piloteringsplanen, pilot/plan.toml: bare punktene som gis, endres",
        "De ti punktene er mål, omfang, varighet (eller --start og --end),\n\
         deltakere, informasjon, opplæring, feilhåndtering, måling, observasjon og\n\
         dokumentasjon; én rolle er ansvarlig. `veikart pilot show` viser hva som\n\
         fortsatt mangler.",
    ),
    ("pilot show", "Vis piloteringsplanen, hva den mangler, og funnene så langt", ""),
    // Benefits, the benefit realisation plan, measurements, deviations, suppliers (issue 4).
    ("benefit", "Kartlegg gevinster, vei dem mot kostnadene og planlegg hvordan hver måles", ""),
    (
        "benefit add",
        "Registrer en gevinst og skriv ut id-en",
        "Typen sier hva slags gevinst det er: time (spart tid), cost (unngåtte\n\
         kostnader), quality (bedre kvalitet) eller other (annet).",
    ),
    ("benefit precondition", "Skriv ned hva som må være på plass for at en gevinst skal komme", ""),
    ("benefit precondition add", "Legg en forutsetning til en gevinst", ""),
    ("benefit cost", "Registrer hva en gevinst koster", ""),
    (
        "benefit cost add",
        "Legg en engangskostnad eller løpende kostnad (kroner) til en gevinst",
        "",
    ),
    (
        "benefit plan",
        "Planlegg hvordan en gevinst måles: lag eller endre en av måleindikatorene",
        "Id-en til indikatoren lages av navnet og er unik i prosjektet, så\n\
         `measure record` trenger bare den. Kjøres kommandoen igjen med samme navn,\n\
         endres indikatoren; bare valgene som er gitt, endres.\n\
         Oppnåelse = (siste − nullpunkt) ÷ (mål − nullpunkt) × 100 %; et mål under\n\
         nullpunktet betyr at lavere er bedre.",
    ),
    (
        "benefit value",
        "Si hva en gevinst er verdt: hvordan den hentes ut, hvem som vinner, og kroner per år",
        "Erstatter det gevinsten var sagt å være verdt fra før (kostnadene blir stående).\n\
         En prissatt gevinst får ett tall per år (`--per-year`), en liste år for år\n\
         (`--per-year` én gang per år, fra `--from-year`), tre anslag (`--pessimistic`,\n\
         `--expected`, `--optimistic`, vektet som (P + 3E + O) / 5), eller, for\n\
         frigjort kapasitet, timer per år verdsatt med timekostnaden (`hourly_cost` i\n\
         veikart.toml, standard 700). En gevinst som ikke er prissatt, får en\n\
         betydning og en begrunnelse. Beløp kan skrives slik vi gjør i Norge:\n\
         `1 200 000`, `1,2 mill`, `350 000 kr`; `1.200` avvises fordi det kan leses\n\
         på to måter.",
    ),
    (
        "benefit economics",
        "Vei gevinstene mot kostnadene år for år: netto, nåverdi og når det er inntjent",
        "Regner med hver prissatte gevinst (`benefit value`) og hver kostnad (`benefit\n\
         cost add`) i `--years` år fra det første året noen av dem nevner (eller\n\
         prosjektet startet), i faste priser. Nåverdien neddiskonteres med den reelle\n\
         renten `--rate` (standard: discount_rate i veikart.toml, ellers 4 %);\n\
         prosjektet er inntjent det året akkumulert netto slutter å være negativ for godt.\n\
         Gevinster som ikke er prissatt, står ved siden av tallene. Formlene står i\n\
         docs/benefits.md.",
    ),
    (
        "benefit list",
        "Vis gevinstrealiseringsplanen: alle gevinster og indikatorer med fremdrift",
        "Oppnåelse = (siste − nullpunkt) ÷ (mål − nullpunkt) × 100 %. Tilstander:\n\
         nådd (100 % eller mer), på plan (minst like stor andel som andelen av tiden\n\
         fra nullpunktets dato til måletidspunktet som var gått ved siste måling),\n\
         bak plan, utdatert (ingen ny verdi innen målefrekvensen pluss en halv\n\
         periode) og ingen data.",
    ),
    ("benefit show", "Vis én gevinst med forutsetninger, kostnader og indikatorer", ""),
    (
        "benefit link",
        "Koble en gevinst til målene den tjener og til det som gir den",
        "Det som gir gevinsten, er et løsningsforslag, et teknologivalg, en aktivitet\n\
         eller et kontaktpunkt: gi id-en eller en entydig begynnelse av den, eller si\n\
         hva slags post det er når id-en finnes i to (`proposal/ID`, `tech/ID`,\n\
         `activity/ID`, `touchpoint/ID`). I filen står hver med mappen foran\n\
         (`proposals/ID`). Å koble noe som alt er koblet, endrer ingenting.",
    ),
    ("benefit unlink", "Fjern koblinger fra en gevinst til mål eller til det som gir den", ""),
    (
        "benefit map",
        "Vis gevinstkartet: det som gir hver gevinst, og målene den tjener",
        "Som et tre (text), et Mermaid-diagram (md, som GitHub og GitLab tegner),\n\
         Graphviz DOT (dot; `veikart benefit map --format dot | dot -Tsvg`) eller JSON.",
    ),
    (
        "benefit plan-doc",
        "Skriv gevinstrealiseringsplanen som et dokument: Markdown, HTML eller Excel",
        "Hver gevinst med det som gir den, målene den tjener, hva den er verdt (timer og\n\
         kroner per år), eier og forutsetninger; gevinster, kostnader og netto år for år;\n\
         hvordan gevinstene skal brukes; andre offentlige virksomheter som er med;\n\
         gevinstene som ikke er prissatt, og hvorfor de betyr noe; de korrigerende\n\
         tiltakene for åpne avvik; indikatorene med enhet, kilde, nullpunkt, mål,\n\
         målefrekvens, siste resultat og hvor langt det er fra planlagt bane; og, i et\n\
         git-repo, commitene som endret planen. `--format xlsx` gir ett ark per del og\n\
         trenger `-o FIL`; uten `--format` velger filendelsen formatet (standard: md).",
    ),
    ("measure", "Registrer verdiene til indikatorene i gevinstrealiseringsplanen", ""),
    (
        "measure record",
        "Registrer én verdi for en indikator",
        "Én verdi per indikator og dato: en ny verdi for samme dato avvises uten\n\
         --replace. Første gang en verdi når målet, sier veikart fra og foreslår\n\
         å feire det.",
    ),
    ("measure list", "Vis registrerte verdier, eldste først", ""),
    (
        "measure import",
        "Importer verdier fra en CSV-fil eller en Excel-arbeidsbok",
        "Første linje (rad) må navngi kolonnene, på engelsk eller norsk: indikator,\n\
         dato, verdi og eventuelt merknad og målt av (indicator, date, value, note,\n\
         by). Et bredt ark virker også: en datokolonne først, så én kolonne per\n\
         indikator med indikatorens id øverst; tomme celler hoppes over. Hver rad\n\
         sjekkes før noe skrives: en ukjent indikator, en ugyldig dato eller et\n\
         ugyldig tall, en verdi to ganger i filen eller en verdi som allerede er\n\
         registrert for datoen (uten --replace), gjør at importen stopper, med hver\n\
         dårlige celle nevnt (FIL:LINJE, eller ark, rad og kolonne i en arbeidsbok),\n\
         og ingenting skrives. Filer slik norsk Excel lagrer dem virker: .xlsx med\n\
         ekte datoer og tall; CSV med semikolon, komma eller tabulator mellom\n\
         kolonnene (eller en første linje `sep=;`), desimalkomma, datoer som\n\
         01.11.2026, UTF-8, UTF-16 eller Windows-1252. En rad som er lik det som\n\
         er registrert, blir latt være. Et mål som nås for første gang, meldes som\n\
         ved `measure record`. Første linje er for eksempel `indicator,date,value,note`.",
    ),
    (
        "measure export",
        "Skriv ut registrerte verdier som CSV, JSON eller en Excel-arbeidsbok, klar for `measure import`",
        "CSV har kolonnene indicator, date, value og note, og by når en verdi sier\n\
         hvem som målte den. `--format xlsx` skriver en Excel-arbeidsbok med ekte\n\
         datoer og tall og kolonnenavn på prosjektets språk (Indikator, Dato, Verdi,\n\
         Merknad, Målt av); den trenger `-o FIL`. Det begge eksporterer, leser\n\
         `measure import` inn igjen uendret.",
    ),
    ("deviation", "Registrer avvik og rett dem opp med tiltak", ""),
    (
        "deviation add",
        "Registrer et avvik og skriv ut id-en",
        "Typer: service (tjenestefeil), benefit (gevinstavvik), supplier\n\
         (leverandøravvik) og process (prosessavvik).",
    ),
    (
        "deviation action",
        "Korrigerende tiltak: legg til et, merk et som gjort, eller endre frist, eier eller tekst",
        "`deviation action AVVIK TEKST --owner ROLLE --due DATO` legger til et tiltak\n\
         (kort for `deviation action add`). Tiltakene er nummerert slik `deviation\n\
         show` viser dem. Et tiltak som er gjort, er aldri forfalt.",
    ),
    (
        "tech choose",
        "Velg et teknologivalg, med begrunnelse",
        "`choose` merker valget som valgt, `reject` som forkastet; begge krever en\n\
         begrunnelse og lagrer datoen som `decided`. Et forkastet valg trenger ikke\n\
         flere poeng på de fem kriteriene. `veikart status` og `veikart report`\n\
         nevner det valgte. Åpne et igjen med `veikart tech set ID --status open`.",
    ),
    (
        "tech reject",
        "Forkast et teknologivalg, med begrunnelse",
        "Et forkastet valg trenger ikke flere poeng på de fem kriteriene. Åpne det\n\
         igjen med `veikart tech set ID --status open`.",
    ),
    ("deviation action add", "Legg et korrigerende tiltak med eier og frist til et avvik", ""),
    ("deviation action done", "Merk et korrigerende tiltak som gjort", ""),
    ("deviation action set", "Endre fristen, eieren eller teksten til et korrigerende tiltak", ""),
    ("deviation close", "Lukk et avvik og skriv hvordan det ble løst", ""),
    ("deviation list", "Vis avvikene, åpne først, med tiltakene", ""),
    ("deviation show", "Vis ett avvik med tiltakene", ""),
    ("supplier", "Følg opp leverandørenes leveranseevne", ""),
    ("supplier add", "Registrer en leverandør og skriv ut id-en", ""),
    ("supplier review", "Vurder en leverandørs leveranse med en skår fra 1 til 5", ""),
    ("supplier list", "Vis leverandørene med siste vurdering", ""),
    ("supplier show", "Vis én leverandør: avtale, vurderinger og avvikene som gjelder den", ""),
    ("help", "Vis denne hjelpen eller hjelpen til en underkommando", ""),
    // Shell completion and man pages (issue 13).
    (
        "completions",
        "Skriv ut et skript for autofullføring i skallet: bash, zsh, fish, powershell eller elvish",
        "Skriptet fullfører kommandoer, valg og verdiene deres, og id-ene til\n\
         prosjektets poster (`veikart idea show <TAB>`): skallet spør veikart for\n\
         hvert trykk på TAB, så skriptet er riktig også etter en oppgradering når\n\
         det lastes på nytt ved oppstart av skallet. Med --static fullfører\n\
         skriptet bare kommandoer og valg og kaller aldri veikart, for pakker som\n\
         installerer en fast fil. Linjen som setter opp hvert skall, står i\n\
         docs/cli.md.",
    ),
    (
        "man",
        "Skriv én man-side per kommando (veikart.1, veikart-idea.1, …) i MAPPE",
        "MAPPE lages om den mangler; sider som finnes fra før, erstattes. Sidene\n\
         er på engelsk, som man-sider vanligvis er (`--help` finnes på begge\n\
         språk). Hver fil som skrives, nevnes i en statuslinje, unntatt med\n\
         --quiet.",
    ),
];

/// (command path, argument id, help text).
const ARGS: &[(&str, &str, &str)] = &[
    ("*", "project", "Bruk prosjektet i MAPPE i stedet for å lete oppover herfra"),
    (
        "*",
        "format",
        "Utdataformat: text, json, md, csv, html, dot, github, codequality eller junit (hver kommando sier hvilke den har)",
    ),
    ("*", "color", "Når farger skal brukes"),
    (
        "*",
        "lang",
        "Språk i utdata: nb (bokmål) eller en; standard: VEIKART_LANG, ellers prosjektets `lang`",
    ),
    ("*", "quiet", "Skriv bare data, ingen statuslinjer"),
    (
        "*",
        "at",
        "Les prosjektet slik det var lagret i git ved REV (en commit, tag, gren, eller en dato: siste commit den dagen eller før), uten å sjekke det ut",
    ),
    ("*", "help", "Vis hjelp (kort med -h, mer med --help)"),
    ("*", "version", "Vis versjonen"),
    ("init", "dir", "Mappe for prosjektet (lages om den mangler)"),
    ("init", "name", "Navnet på prosjektet"),
    ("init", "municipality", "Kommunen (eller regionen) som eier prosjektet"),
    ("init", "service", "Tjenesten som skal fornyes"),
    ("init", "problem", "Problemet prosjektet skal løse (problemstillingen)"),
    ("init", "roadmap", "Veikartet prosjektet følger: ks-2018 eller samveis-2015"),
    ("idea add", "title", "Idéen med noen få ord"),
    ("idea add", "description", "Hva idéen går ut på og hvilket problem den løser"),
    (
        "idea add",
        "source",
        "Hvem den kom fra: user, relative, employee, partner eller other (bruker, pårørende, ansatt, …)",
    ),
    (
        "idea add",
        "kind",
        "improvement/forbedring (en liten endring i drift) eller innovation/innovasjon (trenger eget prosjekt)",
    ),
    ("idea add", "tags", "Et stikkord for gruppering (kan gjentas)"),
    ("idea add", "related", "En beslektet idé, med id eller entydig begynnelse (kan gjentas)"),
    ("idea add", "date", "Datoen idéen kom inn [standard: i dag]"),
    (
        "idea list",
        "status",
        "Bare idéer med denne statusen (kan gjentas): new, assessed, prioritised, testing, rejected, parked, implemented, promoted",
    ),
    ("idea list", "kind", "Bare forbedringer eller innovasjoner"),
    ("idea list", "tags", "Bare idéer med dette stikkordet (kan gjentas; alle må passe)"),
    ("idea list", "source", "Bare idéer fra denne kilden"),
    (
        "idea list",
        "open",
        "Bare idéer som fortsatt er aktuelle (ikke forkastet, parkert eller innført)",
    ),
    (
        "idea list",
        "sort",
        "Sortering: priority (høyest prioritet først), title (A–Å) eller date (nyeste først)",
    ),
    ("idea show", "id", "Id-en til idéen, eller en entydig begynnelse av den"),
    ("idea assess", "id", "Id-en til idéen, eller en entydig begynnelse av den"),
    ("idea assess", "feasibility", "Hvor gjennomførbar den er: 1 (svært vanskelig) til 5 (enkel)"),
    ("idea assess", "benefit", "Hvor stor gevinst den ventes å gi: 1 (lite) til 5 (mye)"),
    ("idea assess", "cost", "Hva den ventes å koste: 1 (billig) til 5 (dyr)"),
    ("idea assess", "note", "Hvorfor den fikk disse poengene"),
    ("idea assess", "date", "Datoen for vurderingen [standard: i dag]"),
    (
        "phase",
        "as_of",
        "Vurder sjekklisten per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    ("phase set", "phase", "Fasen det skal byttes til (id, alias eller navn)"),
    ("phase set", "reason", "Hvorfor (påkrevd)"),
    ("phase set", "by", "Hvem som bestemte [standard: git sin user.name, ellers $USER]"),
    ("phase set", "date", "Datoen for beslutningen [standard: i dag]"),
    ("checklist", "phase", "Fasen (id, alias eller navn) [standard: fasen prosjektet er i]"),
    ("checklist", "check", "Avslutt med kode 1 når et punkt ikke er ferdig (for CI)"),
    ("checklist", "through_current", "Alle faser fra den første til og med den prosjektet er i"),
    ("checklist", "all", "Alle fasene i veikartet"),
    (
        "checklist",
        "recheck",
        "Vis dagens vurdering ved siden av den som ble lagret da en lukket fase ble lukket",
    ),
    ("checklist *", "phase", "Fasen (id, alias eller navn)"),
    ("checklist *", "item", "Punktet (id eller entydig begynnelse)"),
    ("checklist *", "evidence", "En sti eller post-id som underbygger svaret (kan gjentas)"),
    ("checklist *", "by", "Hvem som svarer [standard: git sin user.name, ellers $USER]"),
    ("checklist *", "date", "Datoen for svaret [standard: i dag]"),
    ("checklist tick", "note", "Hvorfor det er gjort (valgfritt)"),
    ("checklist answer", "note", "Hvorfor (påkrevd)"),
    (
        "checklist answer",
        "answer",
        "Svaret: no, not-relevant eller still-open (eller done); nei, ikke-relevant, fortsatt-åpen",
    ),
    ("status", "top", "Hvor mange av de høyest prioriterte åpne idéene som skal vises"),
    (
        "status",
        "as_of",
        "Rapporter per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    (
        "report",
        "as_of",
        "Rapporter per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    ("report", "log", "Bare de N siste loggføringene i perioden [standard: alle]"),
    (
        "report",
        "status_report",
        "Vis den publiserte statusrapporten ID: lysene, og prosjektet nøyaktig slik det var i commiten den nevner",
    ),
    (
        "report",
        "since_last",
        "Ta med hva som er endret siden den sist publiserte statusrapporten, med ordene til `veikart diff`",
    ),
    (
        "status-report new",
        "period",
        "Perioden: en måned (2026-11), et kvartal (2026-K4) eller to datoer (2026-11-02..2026-11-15) [standard: denne måneden]",
    ),
    ("status-report new", "overall", "Lyset for prosjektet som helhet: grønn, gul eller rød"),
    ("status-report new", "time", "Lyset for tid (framdrift mot planen)"),
    ("status-report new", "cost", "Lyset for kostnad (mot budsjettet)"),
    ("status-report new", "quality", "Lyset for kvalitet"),
    ("status-report new", "risk", "Lyset for risiko"),
    ("status-report new", "benefits", "Lyset for gevinstene (på vei mot målene)"),
    (
        "status-report new",
        "comment_overall",
        "Hva som forklarer lyset for prosjektet som helhet (\"\" for ingen)",
    ),
    ("status-report new", "comment_time", "Hva som forklarer lyset for tid"),
    ("status-report new", "comment_cost", "Hva som forklarer lyset for kostnad"),
    ("status-report new", "comment_quality", "Hva som forklarer lyset for kvalitet"),
    ("status-report new", "comment_risk", "Hva som forklarer lyset for risiko"),
    ("status-report new", "comment_benefits", "Hva som forklarer lyset for gevinstene"),
    ("status-report new", "author", "Hvem som skrev rapporten"),
    ("status-report new", "date", "Dagen den skrives [standard: i dag]"),
    (
        "status-report publish",
        "id",
        "Id-en til statusrapporten, eller en entydig begynnelse av den",
    ),
    (
        "report",
        "output",
        "Skriv rapporten til FIL i stedet for til skjermen; .html, .json og .md velger format",
    ),
    ("site", "dir", "Mappen nettstedet skal skrives til (lages om den mangler)"),
    (
        "site",
        "drafts",
        "Vis også statusrapporter som er utkast, merket som utkast (ellers bare publiserte)",
    ),
    (
        "site",
        "as_of",
        "Nettstedet per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    ("portfolio", "dir", "Mappen det skal letes i [standard: arbeidsmappen]"),
    (
        "portfolio",
        "as_of",
        "Rapporter per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    (
        "diff",
        "from",
        "Revisjonen det sammenlignes fra (commit, tag eller gren; også A..B eller A...B) [standard: HEAD]",
    ),
    ("diff", "to", "Revisjonen det sammenlignes med [standard: filene slik de er nå]"),
    ("diff", "exit_code", "Avslutt med kode 1 når noe er endret (0 når ingenting er det)"),
    ("history", "id", "Posten: id-en eller stien (ideas/ID) [standard: hele prosjektet]"),
    ("check", "strict", "Regn advarsler som problemer (kode 1)"),
    ("check", "as_of", "Sjekk per denne datoen, uten det som er datert senere [standard: i dag]"),
    ("schema", "kind", "Filtypen: project, ideas, roles, … (mappenavnet)"),
    ("*", "id", "Id-en, eller en entydig begynnelse av den"),
    ("*", "as_of", "Per denne datoen [standard: i dag]"),
    ("*", "date", "Datoen [standard: i dag]"),
    ("*", "description", "Beskrivelse"),
    ("*", "title", "Noen få ord om hva det er"),
    ("*", "strict", "Regn advarsler som problemer (kode 1)"),
    ("role add", "name", "Navnet på rollen"),
    (
        "role add",
        "kind",
        "internal (standard), external, supplier eller user (intern, ekstern, leverandør, bruker)",
    ),
    ("role add", "unit", "Enheten eller organisasjonen rollen hører til"),
    ("role add", "external", "Kort for `--kind external`: rollen er utenfor kommunen"),
    ("role add", "description", "Hva rollen gjør i tjenesten"),
    ("journey add", "title", "Hva brukeren gjør eller opplever i dette steget"),
    (
        "journey *",
        "journey",
        "current (dagens tjeneste) eller future (den nye, standard) (dagens, ny)",
    ),
    ("journey *", "after", "Sett steget rett etter dette steget (id eller entydig begynnelse)"),
    ("journey *", "first", "Sett steget først i reisen"),
    ("journey add", "description", "Hva som skjer i steget"),
    ("journey add", "experience", "Hvordan brukeren opplever steget"),
    ("journey move", "id", "Steget som skal flyttes (id eller entydig begynnelse)"),
    ("activity add", "title", "Arbeidet som gjøres, med noen få ord"),
    ("activity *", "step", "Steget i reisen aktiviteten hører til (id eller entydig begynnelse)"),
    (
        "activity add",
        "outside",
        "Arbeidet gjøres utenfor kommunen (av en partner, et sykehus, en leverandør)",
    ),
    ("activity add", "description", "Hvordan arbeidet gjøres"),
    ("raci *", "activity", "Aktiviteten (id eller entydig begynnelse)"),
    ("raci *", "role", "Rollen (id eller entydig begynnelse)"),
    (
        "raci set",
        "letters",
        "H, U, K, I (eller A, R, C, I), store eller små; HU eller AR for både hovedansvarlig og utførende",
    ),
    (
        "raci check",
        "strict",
        "Regn advarsler (roller som ikke brukes, mange som konsulteres) som problemer",
    ),
    ("routine add", "title", "Hva rutinen gjelder"),
    ("routine add", "owner", "Rollen som eier rutinen (id eller entydig begynnelse)"),
    ("routine add", "activities", "En aktivitet rutinen beskriver (kan gjentas)"),
    ("routine add", "review_every", "Hvor ofte den skal gjennomgås: 6m, 12m, 2y, …"),
    ("routine add", "doc", "Hvor rutinen er skrevet ned: en sti eller en URL"),
    ("routine add", "date", "Datoen rutinen ble laget [standard: i dag]"),
    ("routine review", "date", "Datoen for gjennomgangen [standard: i dag]"),
    ("routine review", "note", "Et kort notat om hva som ble endret"),
    (
        "routine list",
        "as_of",
        "Vurder datoene for gjennomgang per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    (
        "touchpoint *",
        "channel",
        "digital, physical eller interpersonal (digital, fysisk, mellommenneskelig)",
    ),
    (
        "touchpoint *",
        "step",
        "Steget i reisen der brukeren møter det (id eller entydig begynnelse)",
    ),
    (
        "touchpoint *",
        "change",
        "new, changed eller unchanged sammenlignet med i dag (ny, endret, uendret)",
    ),
    ("touchpoint *", "status", "draft (standard), tested eller ready (utkast, testet, ferdig)"),
    ("touchpoint add", "title", "Kontaktpunktet, med noen få ord"),
    (
        "owner",
        "role",
        "Rollen som skal være eier (id eller entydig begynnelse); uten den vises eieren",
    ),
    // Issue 5
    ("proposal add", "title", "Forslaget, med noen få ord"),
    (
        "proposal add",
        "ideas",
        "En idé det bygger på, med id eller entydig begynnelse (kan gjentas)",
    ),
    ("proposal add", "description", "Hva forslaget er og hvordan det skal virke"),
    (
        "proposal add",
        "artefacts",
        "En skisse, tegning eller et utkast: en sti eller en URL (kan gjentas)",
    ),
    ("proposal add", "date", "Datoen forslaget ble registrert [standard: i dag]"),
    ("proposal *", "id", "Forslaget (id eller entydig begynnelse)"),
    ("proposal test", "date", "Datoen testen ble gjort [standard: i dag]"),
    (
        "proposal test",
        "with",
        "Hvem som deltok: user, relative, employee, skilt med komma (bruker, pårørende, ansatt)",
    ),
    ("proposal test", "participants", "Hvor mange som deltok"),
    ("proposal test", "feedback", "Hva deltakerne sa og gjorde"),
    (
        "proposal test",
        "decision",
        "Hva testen konkluderte med: keep, improve eller discard (beholde, forbedre, forkaste)",
    ),
    ("proposal decide", "decision", "keep eller discard (beholde, forkaste)"),
    ("proposal decide", "reason", "Hvorfor"),
    ("proposal decide", "date", "Datoen for beslutningen [standard: i dag]"),
    ("proposal estimate", "cost", "Anslått kostnad i kroner (desimalkomma går fint)"),
    ("proposal estimate", "gain", "Gevinsten som ventes, med ord"),
    (
        "proposal list",
        "status",
        "Bare forslag med denne statusen: draft, tested, kept, discarded (utkast, testet, valgt, forkastet)",
    ),
    ("tech add", "name", "Teknologivalget, med noen få ord"),
    ("tech *", "id", "Teknologivalget (id eller entydig begynnelse)"),
    ("tech *", "decision", "develop, buy eller procure (utvikle, kjøpe/velge, anskaffe)"),
    ("tech *", "supplier", "Hvem som skal levere (fritekst)"),
    ("tech *", "it_involved", "Datoen IT-enheten ble tatt med"),
    ("tech *", "trial_until", "Siste dag for en tidsbegrenset utprøving etter anskaffelsesreglene"),
    ("tech add", "description", "Hva valget går ut på"),
    ("tech add", "date", "Datoen valget ble registrert [standard: i dag]"),
    (
        "tech assess",
        "criterion",
        "user-needs, integrations, scalability, security eller cost (brukerbehov, integrasjoner, skalerbarhet, informasjonssikkerhet, kostnader)",
    ),
    ("tech assess", "score", "Poengene: 1 (dårlig) til 5 (svært godt)"),
    ("tech choose", "reason", "Hvorfor (påkrevd)"),
    ("tech choose", "date", "Datoen for beslutningen [standard: i dag]"),
    ("tech reject", "reason", "Hvorfor (påkrevd)"),
    ("tech reject", "date", "Datoen for beslutningen [standard: i dag]"),
    (
        "idea assess",
        "unset",
        "Fjern et poeng eller notatet (kan gjentas): feasibility, benefit, cost, note",
    ),
    ("tech assess", "note", "Hvorfor valget fikk disse poengene"),
    ("tech assess", "date", "Datoen for vurderingen [standard: i dag]"),
    ("idea promote", "dir", "Mappe for det nye prosjektet (lages om den mangler)"),
    ("idea promote", "date", "Datoen for beslutningen [standard: i dag]"),
    ("pilot plan", "goals", "Hva piloten skal vise og hva dere vil lære"),
    ("pilot plan", "scope", "Hvilke kontaktpunkter, prosesser og rutiner som prøves ut"),
    ("pilot plan", "duration", "Hvor lenge den varer, med ord"),
    ("pilot plan", "start", "Første dag av piloten"),
    ("pilot plan", "end", "Siste dag av piloten"),
    ("pilot plan", "participants", "Hvem som deltar og hvordan de rekrutteres"),
    ("pilot plan", "information", "Hvordan brukere og ansatte informeres"),
    ("pilot plan", "training", "Hvordan de ansatte læres opp før start"),
    ("pilot plan", "error_handling", "Hva som skjer når noe går galt"),
    ("pilot plan", "measurement", "Hva som måles, og hvordan"),
    ("pilot plan", "observation", "Hvem som observerer hva, og når"),
    ("pilot plan", "documentation", "Hvordan funnene skrives ned"),
    (
        "pilot plan",
        "responsible",
        "Den ene rollen som er ansvarlig for piloten (id eller entydig begynnelse)",
    ),
    ("help", "subcommand", "Underkommandoen du vil ha hjelp til"),
    // Benefits, the benefit realisation plan, measurements, deviations, suppliers (issue 4).
    ("benefit add", "title", "Gevinsten med noen få ord"),
    ("benefit add", "kind", "time, cost, quality eller other (tid, kostnad, kvalitet, andre)"),
    ("benefit add", "monetary", "Gevinsten kan regnes i kroner (økonomisk gevinst)"),
    (
        "benefit add",
        "beneficiary",
        "Hvem som får gevinsten: user, relative, employee, municipality eller other (bruker, pårørende, ansatte, kommune, andre)",
    ),
    ("benefit add", "owner", "Rollen som eier gevinsten (gevinsteier)"),
    (
        "benefit add",
        "responsible",
        "Rollen som har ansvar for å ta ut gevinsten (gevinstansvarlig)",
    ),
    ("benefit add", "due", "Når gevinsten skal være realisert"),
    (
        "benefit add",
        "preconditions",
        "Noe som må være på plass for at gevinsten skal komme (kan gjentas)",
    ),
    ("benefit add", "description", "Hva gevinsten er og hvordan den oppstår"),
    ("benefit add", "date", "Datoen gevinsten ble registrert [standard: i dag]"),
    ("benefit *", "benefit", "Gevinsten (id eller entydig begynnelse)"),
    ("benefit precondition add", "text", "Det som må være på plass"),
    (
        "benefit value",
        "realised_as",
        "budget, capacity, other-public eller non-priced (budsjett, kapasitet, annen-offentlig, ikke-prissatt)",
    ),
    (
        "benefit value",
        "gains",
        "Hvem som vinner: municipality, user, relative, employee, other-public, society (kommune, bruker, pårørende, ansatt, annen-offentlig, samfunn; kan gjentas)",
    ),
    ("benefit value", "per_year", "Kroner per år; gjenta for en liste år for år fra --from-year"),
    (
        "benefit value",
        "pessimistic",
        "Kroner per år, pessimistisk (med --expected og --optimistic)",
    ),
    ("benefit value", "expected", "Kroner per år, mest sannsynlig"),
    ("benefit value", "optimistic", "Kroner per år, optimistisk"),
    ("benefit value", "hours_per_year", "Timer frigjort per år (med --realised-as capacity)"),
    (
        "benefit value",
        "hourly_cost",
        "Kroner per time for disse timene [standard: hourly_cost i veikart.toml, ellers 700]",
    ),
    (
        "benefit value",
        "from_year",
        "Det første året den regnes med [standard: det første året i beregningen]",
    ),
    ("benefit value", "years", "Hvor mange år den regnes med [standard: ut beregningen]"),
    (
        "benefit value",
        "importance",
        "For en gevinst som ikke er prissatt: low, moderate eller high (liten, middels, stor)",
    ),
    ("benefit value", "reason", "Hvorfor den betyr så mye"),
    (
        "benefit economics",
        "years",
        "Hvor mange år det skal regnes med [standard: 10, eller til det siste året en gevinst eller kostnad nevner]",
    ),
    (
        "benefit economics",
        "output",
        "Skriv til FIL i stedet for standard ut (atomisk); .xlsx, .csv, .md og .json velger formatet",
    ),
    (
        "benefit economics",
        "rate",
        "Den reelle kalkulasjonsrenten i prosent per år [standard: discount_rate i veikart.toml, ellers 4]",
    ),
    ("benefit cost add", "kind", "one-off eller recurring (per år) (engangs, løpende)"),
    ("benefit cost add", "amount", "Beløpet i kroner (desimalkomma og mellomrom går fint)"),
    ("benefit cost add", "year", "Året kostnaden kommer"),
    ("benefit cost add", "note", "Hva kostnaden gjelder"),
    ("benefit plan", "indicator", "Navnet på indikatoren (id-en lages av det)"),
    (
        "benefit plan",
        "unit",
        "Enheten til verdiene: min, kroner, prosent, … (trengs for en ny indikator)",
    ),
    ("benefit plan", "baseline", "Verdien før endringen, nullpunktet (trengs for en ny indikator)"),
    (
        "benefit plan",
        "baseline_date",
        "Når nullpunktet ble målt [standard for en ny indikator: i dag]",
    ),
    ("benefit plan", "target", "Målverdien (trengs for en ny indikator)"),
    ("benefit plan", "by", "Når målet skal være nådd (trengs for en ny indikator)"),
    (
        "benefit plan",
        "frequency",
        "weekly, monthly, quarterly eller yearly (ukentlig, månedlig, kvartalsvis, årlig) [standard: monthly]",
    ),
    ("benefit plan", "responsible", "Rollen som måler og rapporterer (måleansvarlig)"),
    ("benefit plan", "source", "Hvor verdiene kommer fra"),
    (
        "benefit list",
        "as_of",
        "Vurder planen per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    (
        "benefit show",
        "as_of",
        "Vurder indikatorene per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    ("benefit link", "goals", "Et mål gevinsten tjener (id eller entydig begynnelse; kan gjentas)"),
    (
        "benefit link",
        "enablers",
        "Det som gir gevinsten: et løsningsforslag, teknologivalg, en aktivitet eller et kontaktpunkt (kan gjentas)",
    ),
    (
        "benefit unlink",
        "goals",
        "Et mål som skal kobles fra (id eller entydig begynnelse; kan gjentas)",
    ),
    ("benefit unlink", "enablers", "Noe som gir gevinsten, som skal kobles fra (kan gjentas)"),
    (
        "benefit map",
        "as_of",
        "Tegn kartet per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    (
        "benefit plan-doc",
        "as_of",
        "Planen per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    (
        "benefit plan-doc",
        "output",
        "Skriv til FIL i stedet for standard ut (atomisk); .md, .html og .xlsx velger formatet",
    ),
    ("measure record", "indicator", "Indikatoren (id eller entydig begynnelse)"),
    ("measure *", "indicator", "Bare denne indikatoren (id eller entydig begynnelse)"),
    ("measure record", "value", "Verdien, i indikatorens enhet (desimalkomma går fint)"),
    ("measure record", "date", "Datoen verdien gjelder [standard: i dag]"),
    ("measure record", "note", "En merknad til verdien"),
    ("measure *", "by", "Hvem som målte"),
    ("measure record", "replace", "Erstatt en verdi som allerede er registrert for datoen"),
    ("measure *", "from", "Bare verdier fra og med denne datoen"),
    ("measure *", "to", "Bare verdier til og med denne datoen"),
    (
        "measure import",
        "file",
        "CSV- eller Excel-filen (.xlsx, .xlsm, .xlsb, .ods), eller - for å lese standard inn",
    ),
    ("measure import", "sheet", "Arket i arbeidsboka som skal leses [standard: det første]"),
    (
        "measure export",
        "output",
        "Skriv til FIL i stedet for standard ut (atomisk); .xlsx, .json og .csv velger formatet",
    ),
    (
        "measure export",
        "excel",
        "Skriv CSV slik norsk Excel åpner den: semikolon, desimalkomma, CRLF og byte-rekkefølgemerke (så æøå vises riktig)",
    ),
    ("measure import", "by", "Hvem som målte verdiene (for radene som ikke sier det selv)"),
    (
        "measure import",
        "replace",
        "Erstatt verdier som allerede er registrert for samme indikator og dato",
    ),
    ("deviation add", "title", "Hva som gikk galt, med noen få ord"),
    (
        "deviation add",
        "kind",
        "service, benefit, supplier eller process (tjenestefeil, gevinstavvik, leverandør, prosess)",
    ),
    ("deviation add", "indicator", "Indikatoren avviket gjelder (id eller entydig begynnelse)"),
    ("deviation add", "supplier", "Leverandøren avviket gjelder (id eller entydig begynnelse)"),
    ("deviation add", "description", "Hva som skjedde"),
    ("deviation add", "date", "Når avviket ble oppdaget [standard: i dag]"),
    ("deviation *", "id", "Avviket (id eller entydig begynnelse)"),
    ("deviation action", "text", "Hva som skal gjøres"),
    ("deviation action", "owner", "Rollen som gjør det (id eller entydig begynnelse)"),
    ("deviation action", "due", "Fristen for tiltaket"),
    ("deviation action add", "text", "Hva som skal gjøres"),
    ("deviation action add", "owner", "Rollen som gjør det (id eller entydig begynnelse)"),
    ("deviation action add", "due", "Fristen for tiltaket"),
    ("deviation action done", "n", "Nummeret på tiltaket, slik `deviation show` nummererer dem"),
    ("deviation action done", "date", "Når tiltaket ble gjort [standard: i dag]"),
    ("deviation action done", "note", "Hvordan det gikk"),
    ("deviation action set", "n", "Nummeret på tiltaket, slik `deviation show` nummererer dem"),
    ("deviation action set", "due", "Ny frist"),
    ("deviation action set", "owner", "Ny eier (id eller entydig begynnelse av en rolle)"),
    ("deviation action set", "text", "Ny tekst"),
    ("deviation close", "note", "Hvordan avviket ble løst"),
    ("deviation close", "date", "Når avviket ble lukket [standard: i dag]"),
    ("deviation list", "open", "Bare åpne avvik"),
    (
        "deviation *",
        "as_of",
        "Vurder fristene per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    ("supplier add", "name", "Navnet på leverandøren"),
    ("supplier add", "contract", "Avtalen: en referanse, en sti eller en URL"),
    ("supplier add", "description", "Hva leverandøren leverer"),
    ("supplier review", "supplier", "Leverandøren (id eller entydig begynnelse)"),
    ("supplier review", "score", "Hvor godt de leverte: 1 (dårlig) til 5 (svært godt)"),
    ("supplier review", "date", "Datoen for vurderingen [standard: i dag]"),
    ("supplier review", "note", "Hva skåren bygger på"),
    ("supplier show", "id", "Leverandøren (id eller entydig begynnelse)"),
    (
        "supplier show",
        "as_of",
        "Vurder avvikenes frister per denne datoen, uten det som er datert senere [standard: i dag]",
    ),
    ("completions", "shell", "Skallet skriptet skal brukes i"),
    (
        "completions",
        "static_script",
        "Skriv et fast skript som aldri kaller veikart (kommandoer og valg, ingen id-er)",
    ),
    ("man", "dir", "Mappen sidene skrives i, lages om den mangler [standard: arbeidsmappen]"),
];

/// The start of every help text, up to and with the arguments: clap's own
/// layout, with «Bruk:» for «Usage:» in Bokmål.
pub fn template_head(styles: &clap::builder::Styles, lang: crate::i18n::Lang) -> String {
    let usage = match lang {
        crate::i18n::Lang::Nb => {
            let u = styles.get_usage();
            format!("{}Bruk:{}", u.render(), u.render_reset())
        }
        crate::i18n::Lang::En => "{usage-heading}".to_string(),
    };
    format!("{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}")
}

/// The words clap puts in a usage line, in Bokmål.
const USAGE_WORDS: &[(&str, &str)] =
    &[("[OPTIONS]", "[VALG]"), ("<COMMAND>", "<KOMMANDO>"), ("[COMMAND]", "[KOMMANDO]")];

/// A usage error (bad value, unknown flag, missing argument) in Bokmål, as
/// `feil: …` and `tips: …` lines like veikart's own errors. `None` for what
/// is not an error (help, version) or a kind clap words better itself.
pub fn usage_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ErrorKind};
    let get = |k: ContextKind| e.get(k).map(|v| v.to_string());
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let (message, mut hints): (String, Vec<String>) = match e.kind() {
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let why = std::error::Error::source(e).map(|s| s.to_string());
            let mut hints = Vec::new();
            if let Some(valid) = get(ContextKind::ValidValue) {
                hints.push(tr!("gyldige verdier: {valid}", "valid values: {valid}"));
            }
            if let Some(s) = get(ContextKind::SuggestedValue) {
                hints.push(tr!("mente du «{s}»?", "did you mean `{s}`?"));
            }
            match why {
                Some(w) => {
                    (tr!("ugyldig verdi for {arg}: {w}", "invalid value for {arg}: {w}"), hints)
                }
                None if value.is_empty() => {
                    (tr!("{arg} trenger en verdi", "{arg} needs a value"), hints)
                }
                None => (
                    tr!(
                        "«{value}» er ikke en gyldig verdi for {arg}",
                        "`{value}` is not a valid value for {arg}"
                    ),
                    hints,
                ),
            }
        }
        ErrorKind::UnknownArgument => {
            let mut hints = Vec::new();
            if let Some(s) = get(ContextKind::SuggestedArg) {
                hints.push(tr!("mente du «{s}»?", "did you mean `{s}`?"));
            }
            (tr!("ukjent valg «{arg}»", "unknown option `{arg}`"), hints)
        }
        ErrorKind::InvalidSubcommand => {
            let sub = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut hints = Vec::new();
            if let Some(s) = get(ContextKind::SuggestedSubcommand) {
                hints.push(tr!("mente du «{s}»?", "did you mean `{s}`?"));
            }
            (tr!("ukjent kommando «{sub}»", "unknown command `{sub}`"), hints)
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = arg.replace('\n', ", ");
            (tr!("mangler {missing}", "missing {missing}"), Vec::new())
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            (
                tr!(
                    "{arg} kan ikke brukes sammen med {prior}",
                    "{arg} cannot be used with {prior}"
                ),
                Vec::new(),
            )
        }
        ErrorKind::MissingSubcommand => {
            let name = get(ContextKind::InvalidSubcommand).unwrap_or_else(|| "veikart".into());
            let mut hints = Vec::new();
            if let Some(valid) = get(ContextKind::ValidSubcommand) {
                let valid: Vec<&str> = valid.split(", ").filter(|s| *s != "help").collect();
                let valid = valid.join(", ");
                hints.push(tr!("velg en av: {valid}", "choose one of: {valid}"));
            }
            (tr!("mangler en kommando etter «{name}»", "missing a command after `{name}`"), hints)
        }
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            (tr!("feil antall verdier for {arg}", "wrong number of values for {arg}"), Vec::new())
        }
        _ => return None,
    };
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim_start_matches("Bruk:").trim();
        hints.push(tr!("bruk: {usage}", "usage: {usage}"));
    }
    hints.push(tr!("mer hjelp med --help", "more help with --help"));
    let (error, hint) = crate::i18n::pick(("feil", "tips"), ("error", "hint"));
    let mut out = format!("{error}: {message}\n");
    for h in hints {
        out.push_str(&format!("  {hint}: {h}\n"));
    }
    Some(out)
}

/// Give every command and argument its Bokmål text.
pub fn localize(mut cmd: Command) -> Command {
    cmd.build();
    localize_at(cmd, "")
}

fn localize_at(mut cmd: Command, path: &str) -> Command {
    // clap's `help` subcommand mirrors the tree (`help idea add`): its
    // commands say what the real ones say.
    let words: Vec<&str> = path.split(' ').collect();
    let key = if words.last() == Some(&"help") {
        "help".to_string()
    } else {
        words.iter().filter(|w| **w != "help").copied().collect::<Vec<_>>().join(" ")
    };
    let key = key.as_str();
    if let Some((_, about, long)) = COMMANDS.iter().find(|(p, _, _)| *p == key) {
        cmd = cmd.about(*about);
        cmd = if long.is_empty() {
            cmd.long_about(None)
        } else {
            cmd.long_about(format!("{about}\n\n{long}"))
        };
    } else if let Some(about) = super::record::nb_about(key) {
        // A verb built from a kind's declaration says itself what it does.
        cmd = match super::record::nb_long(key) {
            Some(long) => cmd.long_about(format!("{about}\n\n{long}")),
            None => cmd.long_about(None),
        };
        cmd = cmd.about(about);
    }
    if let Some(after) = cmd.get_after_help().map(|s| s.to_string()) {
        cmd = cmd.after_help(after.replacen("Examples:", "Eksempler:", 1));
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for (n, id) in ids.into_iter().enumerate() {
        let text = arg_help(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            if a.is_positional() {
                // Under a named heading clap sorts by name; keep the usage order.
                return localized(a.help_heading("Argumenter").display_order(n), text);
            }
            let heading = if a.is_global_set() || matches!(a.get_id().as_str(), "help" | "version")
            {
                "Globale valg"
            } else {
                "Valg"
            };
            localized(a.help_heading(heading), text)
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |s| localize_at(s, &sub_path));
    }
    let template =
        format!("{}{{after-help}}", template_head(cmd.get_styles(), crate::i18n::Lang::Nb));
    cmd = cmd.subcommand_help_heading("Kommandoer").help_template(template);
    // The usage line as clap makes it, with its English words in Bokmål.
    let mut usage = cmd.render_usage().ansi().to_string();
    for (en, nb) in USAGE_WORDS {
        usage = usage.replace(en, nb);
    }
    // Lines after the first line up under the first, after «Bruk: ».
    let usage =
        usage.trim_start_matches(|c: char| c != ' ').trim_start().replace("\n       ", "\n      ");
    cmd.override_usage(usage)
}

fn localized(a: clap::Arg, text: Option<String>) -> clap::Arg {
    let mut a = match text {
        Some(t) => a.help(t).long_help(None),
        None => a,
    };
    // clap adds `[default: …]` and `[possible values: …]` in English: say
    // them in Bokmål instead.
    if a.get_action().takes_values() && !a.is_hide_set() {
        let mut extra = String::new();
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        let defaults: Vec<String> =
            a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() {
            extra.push_str(&format!(" [standard: {}]", defaults.join(", ")));
            a = a.hide_default_value(true);
        }
        if !values.is_empty() && !a.is_hide_possible_values_set() {
            extra.push_str(&format!(" [mulige verdier: {}]", values.join(", ")));
            a = a.hide_possible_values(true);
        }
        if !extra.is_empty() {
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            a = a.help(format!("{help}{extra}")).long_help(None);
        }
    }
    a
}

fn arg_help(path: &str, id: &str) -> Option<String> {
    let last = path.rsplit(' ').next().unwrap_or(path);
    let noun_any = format!("{} *", path.split(' ').next().unwrap_or(path));
    let exact = ARGS.iter().find(|(p, a, _)| *p == path && *a == id);
    if let Some((_, _, t)) = exact {
        return Some(t.to_string());
    }
    // A verb built from a kind's declaration has its Bokmål there.
    if let Some(t) = super::record::nb_help(path, id) {
        return Some(t);
    }
    ARGS.iter()
        .find(|(p, a, _)| *p == noun_any && *a == id)
        .or_else(|| ARGS.iter().find(|(p, a, _)| *p == "help" && last == "help" && *a == id))
        .or_else(|| ARGS.iter().find(|(p, a, _)| *p == "*" && *a == id))
        .map(|(_, _, t)| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
        // clap's own `help` subcommand tree mirrors the real one.
        if path.split(' ').any(|w| w == "help") {
            return;
        }
        if !COMMANDS.iter().any(|(p, _, _)| *p == path)
            && super::super::record::nb_about(path).is_none()
        {
            missing.push(format!("command `{path}`"));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if arg_help(path, id).is_none() {
                missing.push(format!("argument `{id}` of `{path}`"));
            }
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &p, missing);
        }
    }

    #[test]
    fn every_command_and_argument_has_bokmal_help() {
        let mut cmd = crate::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "no Bokmål help for: {}", missing.join(", "));
    }

    /// Every command's help, long and short, with the path it is at.
    fn every_help(cmd: &mut Command, path: &str, out: &mut Vec<(String, String)>) {
        if path.split(' ').any(|w| w == "help") {
            return;
        }
        out.push((path.to_string(), cmd.render_long_help().to_string()));
        out.push((path.to_string(), cmd.render_help().to_string()));
        for s in cmd.get_subcommands_mut() {
            let p = format!("{path} {}", s.get_name());
            every_help(s, p.trim(), out);
        }
    }

    /// clap's own words, which Bokmål help must not show.
    const CLAP_ENGLISH: &[&str] = &[
        "[default:",
        "(default:",
        "[possible values:",
        "Possible values:",
        "Usage:",
        "Options:",
        "Arguments:",
        "Commands:",
        "Examples:",
        "Formats:",
        "Print help",
        "Print version",
        "Print this message",
        "the help of the given subcommand",
        "[aliases:",
        "[alias:",
        "[short aliases:",
        "[env:",
        "see more with",
        "[OPTIONS]",
        "<COMMAND>",
        "[COMMAND]",
    ];

    #[test]
    fn bokmal_help_has_no_english_clap_words_in_any_command() {
        let mut cmd = super::super::command_for(crate::i18n::Lang::Nb);
        let mut helps = Vec::new();
        every_help(&mut cmd, "", &mut helps);
        assert!(helps.len() > 100, "{}", helps.len());
        assert!(helps.iter().any(|(_, t)| t.contains("[standard: auto] [mulige verdier: auto")));
        assert!(helps.iter().any(|(_, t)| t.contains("Bruk: veikart idea add [VALG] <TITLE>")));
        assert!(helps.iter().any(|(_, t)| t.contains("\nFormater: text, json (standard: text)\n")));
        for (path, text) in &helps {
            for english in CLAP_ENGLISH {
                assert!(!text.contains(english), "`{path}` --help says {english}\n{text}");
            }
        }
        // clap's `help` subcommand, which the walk above leaves out.
        let help = cmd.find_subcommand_mut("help").expect("help").render_long_help().to_string();
        for english in CLAP_ENGLISH {
            assert!(!help.contains(english), "`help --help` says {english}\n{help}");
        }
    }

    #[test]
    fn english_help_keeps_clap_words() {
        let mut cmd = super::super::command_for(crate::i18n::Lang::En);
        let add = cmd.find_subcommand_mut("idea").and_then(|i| i.find_subcommand_mut("add"));
        let text = add.expect("idea add").render_long_help().to_string();
        for want in ["Usage: veikart idea add [OPTIONS] <TITLE>", "Options:", "Formats: text, json"]
        {
            assert!(text.contains(want), "{want}\n{text}");
        }
    }

    #[test]
    fn the_clap_tree_is_consistent_in_both_languages() {
        crate::Cli::command().debug_assert();
        localize(crate::Cli::command()).debug_assert();
        super::super::command_for(crate::i18n::Lang::Nb).debug_assert();
        super::super::command_for(crate::i18n::Lang::En).debug_assert();
    }
}
