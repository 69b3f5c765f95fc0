"""Sport stories: hockey, football camps, biathlon and Sochi 2014."""

# Kept as written: one template per dict, short word lists on few lines.
# fmt: off
STORIES = [
    {
        "titles": [
            "{team} beat {team2} {s1}-{s2} in KHL",
            "{team} down {team2} {s1}-{s2} to boost playoff hopes",
        ],
        "lead": "{team} beat {team2} {s1}-{s2} at home in the Kontinental Hockey "
        "League on {day}, strengthening their position in the race for the "
        "playoffs.",
        "body": [
            "The hosts took the lead in the first period and never looked back, "
            "before {team2} pulled goals back late in the game.",
            "The visitors' coach said his side had been punished for defensive "
            "mistakes and a lack of discipline.",
            "The KHL, launched last year as the successor to the Russian "
            "Superleague, has 24 teams from Russia, Belarus, Kazakhstan and "
            "Latvia.",
            "The regular season ends in late February, and the top 16 teams will "
            "qualify for the Gagarin Cup playoffs.",
        ],
        "words": {
            "team,place": [("Salavat Yulaev", "Ufa"), ("Ak Bars", "Kazan"),
                           ("Lokomotiv", "Yaroslavl"), ("CSKA", "Moscow"),
                           ("SKA", "St. Petersburg"), ("Metallurg", "Magnitogorsk"),
                           ("Avangard", "Omsk")],
        },
        "numbers": {"s1": (3, 6), "s2": (1, 2)},
        "tags": ["ice hockey", "KHL"],
        "caption": "Hockey action in {place}.",
    },
    {
        "titles": [
            "{club} begin winter training camp in {place}",
            "{club} fly to {place} for {n}-week winter camp",
        ],
        "lead": "{club} have started their winter training camp in {place}, where "
        "the team will spend {n_words} weeks preparing for the new Russian Premier "
        "League season, which starts in March, the club said on {day}.",
        "body": [
            "The coach said the main aims of the camp were to build fitness and "
            "to look at young players from the reserve team.",
            "The club plans to play {m_words} friendly matches against European sides "
            "during the camp.",
            "Russian clubs spend much of the winter break abroad because of the "
            "harsh weather at home, where the league plays a spring-to-autumn "
            "season.",
            "Like other clubs, {club} have been cautious in the transfer market "
            "this winter as sponsors cut budgets.",
        ],
        "words": {
            "club": ["Zenit St. Petersburg", "Spartak Moscow", "CSKA Moscow",
                     "Lokomotiv Moscow", "Dynamo Moscow", "Rubin Kazan"],
            "place": ["Antalya", "Marbella", "Dubai", "Belek"],
        },
        "numbers": {"n": (2, 4), "m": (3, 6)},
        "tags": ["football", "Russian Premier League"],
        "caption": "A training pitch in {place}.",
    },
    {
        "titles": [
            "Russia names {n}-strong biathlon squad for {place} World Cup",
            "Russian biathletes head to {place} before world championships",
        ],
        "lead": "Russia's biathlon coaches have named a squad of {n} men and women "
        "for the World Cup stage in {place}, the last major test before next "
        "month's world championships in Pyeongchang, the Russian Biathlon Union "
        "said on {day}.",
        "body": [
            "The coaches said the selection was based on results at earlier "
            "stages and on the athletes' form in training.",
            "The team will be aiming to improve its shooting, which cost it "
            "places in several races earlier in the season.",
            "The world championships in South Korea are the last major event "
            "before the 2010 Winter Olympics in Vancouver.",
        ],
        "words": {"place": ["Oberhof", "Ruhpolding", "Antholz"]},
        "numbers": {"n": (10, 14)},
        "tags": ["biathlon", "winter sports"],
        "caption": "A biathlon shooting range in {place}.",
    },
    {
        "titles": [
            "Sochi 2014 organizers say {venue} on schedule",
            "Work on Sochi {venue} continues despite crisis",
        ],
        "lead": "Construction of the {venue} for the 2014 Winter Olympics in "
        "Sochi is on schedule despite the economic crisis, a spokesman for the "
        "state corporation Olimpstroi said on {day}.",
        "body": [
            "The government has promised that funding for Olympic projects will "
            "not be cut, although some private investors have asked to delay "
            "their contributions.",
            "Sochi won the right to host the Games in July 2007, beating bids from "
            "Pyeongchang in South Korea and Salzburg in Austria.",
            "Environmental groups have criticized construction near protected "
            "areas in the Caucasus mountains, and organizers have agreed to move "
            "several facilities.",
        ],
        "words": {
            "place": ["Sochi"],
            "venue": ["ice hockey arena", "speed skating oval", "ski jumping center",
                      "Olympic village", "figure skating palace"],
        },
        "tags": ["Sochi 2014", "Olympics", "winter sports"],
        "caption": "The Black Sea coast at Sochi.",
    },
]
# fmt: on
