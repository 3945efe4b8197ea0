"""Name pools and reference data for the demo generator (realistic Chinese business data)."""

from __future__ import annotations

from typing import NamedTuple

from sms_desktop.domain.palette import Colour

# The tables below are aligned by hand, one record per line; the formatter would put every
# field on its own line and multiply the file's length.
# fmt: off


class City(NamedTuple):
    """A Chinese city with what addresses, phones and tax ids need."""

    short: str  # as used in company names: 杭州
    full: str  # as stored in the city column: 杭州市
    province: str
    area_code: str
    postal_prefix: str
    admin_code: str  # 6-digit administrative division code (统一社会信用代码 digits 3–8)
    pinyin: str
    abbr: str  # as used in web domains: hz
    districts: tuple[str, str, str]
    weight: int


CITIES: tuple[City, ...] = (
    City("北京", "北京市", "北京市", "010", "100", "110105", "Beijing", "bj",
         ("朝阳区", "海淀区", "丰台区"), 9),
    City("上海", "上海市", "上海市", "021", "200", "310115", "Shanghai", "sh",
         ("浦东新区", "闵行区", "徐汇区"), 10),
    City("广州", "广州市", "广东省", "020", "510", "440106", "Guangzhou", "gz",
         ("天河区", "白云区", "番禺区"), 7),
    City("深圳", "深圳市", "广东省", "0755", "518", "440305", "Shenzhen", "sz",
         ("南山区", "福田区", "宝安区"), 8),
    City("杭州", "杭州市", "浙江省", "0571", "310", "330106", "Hangzhou", "hz",
         ("西湖区", "滨江区", "余杭区"), 6),
    City("南京", "南京市", "江苏省", "025", "210", "320105", "Nanjing", "nj",
         ("鼓楼区", "江宁区", "建邺区"), 5),
    City("苏州", "苏州市", "江苏省", "0512", "215", "320505", "Suzhou", "su",
         ("吴中区", "姑苏区", "虎丘区"), 5),
    City("成都", "成都市", "四川省", "028", "610", "510107", "Chengdu", "cd",
         ("武侯区", "锦江区", "青羊区"), 5),
    City("武汉", "武汉市", "湖北省", "027", "430", "420106", "Wuhan", "wh",
         ("武昌区", "江汉区", "洪山区"), 4),
    City("天津", "天津市", "天津市", "022", "300", "120116", "Tianjin", "tj",
         ("滨海新区", "和平区", "南开区"), 4),
    City("重庆", "重庆市", "重庆市", "023", "400", "500103", "Chongqing", "cq",
         ("渝中区", "江北区", "渝北区"), 4),
    City("西安", "西安市", "陕西省", "029", "710", "610113", "Xi'an", "xa",
         ("雁塔区", "未央区", "碑林区"), 3),
    City("宁波", "宁波市", "浙江省", "0574", "315", "330212", "Ningbo", "nb",
         ("鄞州区", "海曙区", "北仑区"), 3),
    City("青岛", "青岛市", "山东省", "0532", "266", "370212", "Qingdao", "qd",
         ("市南区", "崂山区", "黄岛区"), 3),
    City("济南", "济南市", "山东省", "0531", "250", "370102", "Jinan", "jn",
         ("历下区", "槐荫区", "历城区"), 2),
    City("郑州", "郑州市", "河南省", "0371", "450", "410105", "Zhengzhou", "zz",
         ("金水区", "二七区", "中原区"), 3),
    City("长沙", "长沙市", "湖南省", "0731", "410", "430104", "Changsha", "cs",
         ("岳麓区", "芙蓉区", "雨花区"), 3),
    City("合肥", "合肥市", "安徽省", "0551", "230", "340104", "Hefei", "hf",
         ("蜀山区", "包河区", "庐阳区"), 2),
    City("福州", "福州市", "福建省", "0591", "350", "350102", "Fuzhou", "fz",
         ("鼓楼区", "台江区", "仓山区"), 2),
    City("厦门", "厦门市", "福建省", "0592", "361", "350206", "Xiamen", "xm",
         ("思明区", "湖里区", "集美区"), 2),
    City("东莞", "东莞市", "广东省", "0769", "523", "441900", "Dongguan", "dg",
         ("南城街道", "长安镇", "虎门镇"), 4),
    City("佛山", "佛山市", "广东省", "0757", "528", "440604", "Foshan", "fs",
         ("禅城区", "南海区", "顺德区"), 3),
    City("无锡", "无锡市", "江苏省", "0510", "214", "320214", "Wuxi", "wx",
         ("新吴区", "梁溪区", "滨湖区"), 3),
    City("沈阳", "沈阳市", "辽宁省", "024", "110", "210102", "Shenyang", "sy",
         ("和平区", "沈河区", "浑南区"), 2),
    City("大连", "大连市", "辽宁省", "0411", "116", "210204", "Dalian", "dl",
         ("沙河口区", "中山区", "甘井子区"), 2),
    City("哈尔滨", "哈尔滨市", "黑龙江省", "0451", "150", "230103", "Harbin", "hrb",
         ("南岗区", "道里区", "香坊区"), 1),
    City("长春", "长春市", "吉林省", "0431", "130", "220104", "Changchun", "cc",
         ("朝阳区", "南关区", "绿园区"), 1),
    City("昆明", "昆明市", "云南省", "0871", "650", "530102", "Kunming", "km",
         ("五华区", "盘龙区", "官渡区"), 1),
    City("南昌", "南昌市", "江西省", "0791", "330", "360104", "Nanchang", "nc",
         ("东湖区", "西湖区", "红谷滩区"), 1),
    City("石家庄", "石家庄市", "河北省", "0311", "050", "130104", "Shijiazhuang", "sjz",
         ("长安区", "桥西区", "裕华区"), 1),
    City("太原", "太原市", "山西省", "0351", "030", "140105", "Taiyuan", "ty",
         ("小店区", "迎泽区", "杏花岭区"), 1),
    City("南宁", "南宁市", "广西壮族自治区", "0771", "530", "450103", "Nanning", "nn",
         ("青秀区", "西乡塘区", "兴宁区"), 1),
    City("贵阳", "贵阳市", "贵州省", "0851", "550", "520103", "Guiyang", "gy",
         ("云岩区", "南明区", "观山湖区"), 1),
    City("温州", "温州市", "浙江省", "0577", "325", "330302", "Wenzhou", "wz",
         ("鹿城区", "瓯海区", "龙湾区"), 2),
    City("常州", "常州市", "江苏省", "0519", "213", "320411", "Changzhou", "cz",
         ("新北区", "武进区", "天宁区"), 2),
    City("烟台", "烟台市", "山东省", "0535", "264", "370602", "Yantai", "yt",
         ("芝罘区", "莱山区", "福山区"), 1),
    City("泉州", "泉州市", "福建省", "0595", "362", "350503", "Quanzhou", "qz",
         ("丰泽区", "鲤城区", "洛江区"), 1),
    City("兰州", "兰州市", "甘肃省", "0931", "730", "620102", "Lanzhou", "lz",
         ("城关区", "七里河区", "安宁区"), 1),
    City("乌鲁木齐", "乌鲁木齐市", "新疆维吾尔自治区", "0991", "830", "650104", "Urumqi", "wlmq",
         ("天山区", "沙依巴克区", "新市区"), 1),
    City("海口", "海口市", "海南省", "0898", "570", "460106", "Haikou", "hk",
         ("龙华区", "美兰区", "秀英区"), 1),
)

ROADS: tuple[str, ...] = (
    "人民路", "解放路", "中山路", "建设路", "长江路", "黄河路", "科技路", "创业路", "新华路",
    "和平路", "胜利路", "文化路", "工业大道", "高新大道", "世纪大道", "迎宾大道", "学府路",
    "湖滨路", "滨江路", "金桥路", "发展大道", "东风路", "北京路", "青年路", "友谊路", "光明路",
)

# (surname, pinyin, relative frequency ×10)
SURNAMES: tuple[tuple[str, str, int], ...] = (
    ("王", "wang", 71), ("李", "li", 70), ("张", "zhang", 67), ("刘", "liu", 54),
    ("陈", "chen", 45), ("杨", "yang", 31), ("赵", "zhao", 23), ("黄", "huang", 22),
    ("周", "zhou", 21), ("吴", "wu", 20), ("徐", "xu", 17), ("孙", "sun", 15),
    ("胡", "hu", 13), ("朱", "zhu", 13), ("高", "gao", 12), ("林", "lin", 12),
    ("何", "he", 12), ("郭", "guo", 11), ("马", "ma", 11), ("罗", "luo", 9),
    ("梁", "liang", 9), ("宋", "song", 8), ("郑", "zheng", 8), ("谢", "xie", 7),
    ("韩", "han", 7), ("唐", "tang", 7), ("冯", "feng", 7), ("于", "yu", 6),
    ("董", "dong", 6), ("肖", "xiao", 6), ("程", "cheng", 6), ("曹", "cao", 6),
    ("袁", "yuan", 5), ("邓", "deng", 5), ("许", "xu", 5), ("傅", "fu", 5),
    ("沈", "shen", 5), ("曾", "zeng", 5), ("彭", "peng", 5), ("吕", "lv", 5),
    ("苏", "su", 5), ("卢", "lu", 5), ("蒋", "jiang", 5), ("蔡", "cai", 5),
    ("贾", "jia", 4), ("丁", "ding", 4), ("魏", "wei", 4), ("薛", "xue", 4),
    ("叶", "ye", 4), ("阎", "yan", 3), ("余", "yu", 3), ("潘", "pan", 3),
    ("杜", "du", 3), ("戴", "dai", 3), ("夏", "xia", 3), ("钟", "zhong", 3),
    ("汪", "wang", 3), ("田", "tian", 3), ("任", "ren", 3), ("姜", "jiang", 3),
    ("范", "fan", 3), ("方", "fang", 3), ("石", "shi", 3), ("姚", "yao", 3),
    ("谭", "tan", 3), ("廖", "liao", 3), ("邹", "zou", 3), ("熊", "xiong", 3),
    ("金", "jin", 3), ("陆", "lu", 3), ("郝", "hao", 2), ("孔", "kong", 2),
    ("白", "bai", 2), ("崔", "cui", 2), ("康", "kang", 2), ("毛", "mao", 2),
    ("邱", "qiu", 2), ("秦", "qin", 2), ("江", "jiang", 2), ("史", "shi", 2),
    ("顾", "gu", 2), ("侯", "hou", 2), ("邵", "shao", 2), ("孟", "meng", 2),
    ("龙", "long", 2), ("万", "wan", 2), ("段", "duan", 2), ("雷", "lei", 2),
    ("钱", "qian", 2), ("汤", "tang", 2), ("尹", "yin", 2), ("黎", "li", 2),
    ("易", "yi", 2), ("常", "chang", 2), ("武", "wu", 2), ("乔", "qiao", 2),
    ("贺", "he", 2), ("赖", "lai", 2), ("龚", "gong", 2), ("文", "wen", 2),
    ("欧阳", "ouyang", 1), ("上官", "shangguan", 1),
)

# Given-name characters, the most common first: 2-character names (王伟, 李娜) use the head.
GIVEN_CHARS: tuple[tuple[str, str], ...] = (
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"),
    ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"),
    ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
    ("桂", "gui"), ("英", "ying"), ("华", "hua"), ("玉", "yu"), ("萍", "ping"),
    ("红", "hong"), ("建", "jian"), ("国", "guo"), ("文", "wen"), ("辉", "hui"),
    ("鹏", "peng"), ("斌", "bin"), ("宇", "yu"), ("浩", "hao"), ("凯", "kai"),
    ("晨", "chen"), ("欣", "xin"), ("婷", "ting"), ("雪", "xue"), ("琳", "lin"),
    ("佳", "jia"), ("子", "zi"), ("涵", "han"), ("梓", "zi"), ("轩", "xuan"),
    ("博", "bo"), ("志", "zhi"), ("海", "hai"), ("峰", "feng"), ("波", "bo"),
    ("亮", "liang"), ("燕", "yan"), ("慧", "hui"), ("颖", "ying"), ("倩", "qian"),
    ("瑶", "yao"), ("怡", "yi"), ("嘉", "jia"), ("俊", "jun"), ("晓", "xiao"),
    ("春", "chun"), ("东", "dong"), ("林", "lin"), ("成", "cheng"), ("飞", "fei"),
    ("龙", "long"), ("丹", "dan"), ("莉", "li"), ("鑫", "xin"), ("宁", "ning"),
    ("思", "si"), ("雨", "yu"), ("晶", "jing"), ("阳", "yang"), ("帆", "fan"),
    ("琪", "qi"), ("昊", "hao"), ("然", "ran"), ("天", "tian"), ("一", "yi"),
    ("可", "ke"), ("欢", "huan"), ("新", "xin"), ("永", "yong"), ("德", "de"),
)

# Characters for company trade names (字号), with pinyin for English names and domains.
BRAND_CHARS: tuple[tuple[str, str], ...] = (
    ("华", "hua"), ("夏", "xia"), ("瑞", "rui"), ("丰", "feng"), ("泰", "tai"), ("安", "an"),
    ("恒", "heng"), ("信", "xin"), ("达", "da"), ("盛", "sheng"), ("宏", "hong"),
    ("远", "yuan"), ("鑫", "xin"), ("源", "yuan"), ("隆", "long"), ("兴", "xing"),
    ("昌", "chang"), ("荣", "rong"), ("新", "xin"), ("天", "tian"), ("利", "li"),
    ("佳", "jia"), ("嘉", "jia"), ("和", "he"), ("润", "run"), ("福", "fu"), ("祥", "xiang"),
    ("金", "jin"), ("鼎", "ding"), ("海", "hai"), ("博", "bo"), ("创", "chuang"),
    ("通", "tong"), ("凯", "kai"), ("明", "ming"), ("正", "zheng"), ("宇", "yu"),
    ("腾", "teng"), ("飞", "fei"), ("德", "de"), ("中", "zhong"), ("诚", "cheng"),
    ("汇", "hui"), ("银", "yin"), ("志", "zhi"), ("成", "cheng"), ("立", "li"),
    ("晟", "sheng"), ("弘", "hong"), ("卓", "zhuo"), ("越", "yue"), ("精", "jing"),
    ("联", "lian"), ("永", "yong"), ("康", "kang"), ("健", "jian"), ("亿", "yi"),
    ("万", "wan"), ("众", "zhong"), ("力", "li"), ("东", "dong"), ("方", "fang"),
    ("南", "nan"), ("星", "xing"), ("光", "guang"), ("辉", "hui"), ("阳", "yang"),
    ("云", "yun"), ("峰", "feng"), ("江", "jiang"), ("启", "qi"), ("航", "hang"),
    ("领", "ling"), ("锐", "rui"), ("捷", "jie"), ("迅", "xun"), ("智", "zhi"),
    ("科", "ke"), ("美", "mei"), ("骏", "jun"), ("豪", "hao"), ("旭", "xu"),
    ("晨", "chen"), ("蓝", "lan"), ("青", "qing"), ("宝", "bao"), ("聚", "ju"),
    ("百", "bai"), ("久", "jiu"), ("融", "rong"), ("顺", "shun"), ("威", "wei"),
)


class Industry(NamedTuple):
    """An industry and the words companies of that industry put in their names."""

    name: str
    weight: int
    words: tuple[tuple[str, str], ...]  # (中文, English) as in 瑞丰机械制造有限公司


GOVERNMENT = "政府机关"

INDUSTRIES: tuple[Industry, ...] = (
    Industry("制造业", 28, (
        ("机械制造", "Machinery Manufacturing"), ("精密机械", "Precision Machinery"),
        ("电子", "Electronics"), ("汽车零部件", "Auto Parts"), ("五金制品", "Hardware Products"),
        ("塑胶制品", "Plastic Products"), ("新材料", "New Materials"),
        ("智能装备", "Intelligent Equipment"), ("电气", "Electric"))),
    Industry("批发", 13, (
        ("贸易", "Trading"), ("商贸", "Commerce and Trade"), ("供应链", "Supply Chain"),
        ("进出口", "Import and Export"), ("实业", "Industrial"))),
    Industry("零售", 9, (
        ("百货", "Department Store"), ("连锁超市", "Supermarket Chain"), ("商业", "Commercial"),
        ("便利店", "Convenience Store"))),
    Industry("IT/软件", 12, (
        ("科技", "Technology"), ("信息技术", "Information Technology"), ("软件", "Software"),
        ("网络科技", "Network Technology"), ("数据科技", "Data Technology"),
        ("智能科技", "Intelligent Technology"))),
    Industry("建筑", 8, (
        ("建筑工程", "Construction Engineering"), ("建设", "Construction"),
        ("装饰工程", "Decoration Engineering"), ("建材", "Building Materials"))),
    Industry("物流", 7, (
        ("物流", "Logistics"), ("供应链管理", "Supply Chain Management"),
        ("国际货运代理", "International Freight Forwarding"), ("仓储服务", "Warehousing"))),
    Industry("医疗", 6, (
        ("医疗器械", "Medical Devices"), ("医药", "Pharmaceutical"),
        ("生物科技", "Biotechnology"), ("健康管理", "Health Management"))),
    Industry("教育", 5, (
        ("教育科技", "Education Technology"), ("教育咨询", "Education Consulting"),
        ("文化传播", "Culture Communication"))),
    Industry("餐饮", 4, (("餐饮管理", "Catering Management"), ("食品", "Food"))),
    Industry("能源", 3, (
        ("新能源", "New Energy"), ("电力设备", "Power Equipment"),
        ("环保科技", "Environmental Technology"))),
    Industry("酒店", 2, (("酒店管理", "Hotel Management"),)),
    Industry(GOVERNMENT, 2, ()),
)

# (suffix, English suffix, weight)
COMPANY_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("有限公司", "Co., Ltd.", 76),
    ("股份有限公司", "Co., Ltd.", 10),
    ("有限责任公司", "Co., Ltd.", 9),
    ("集团有限公司", "Group Co., Ltd.", 5),
)

BUREAUS: tuple[tuple[str, str], ...] = (
    ("教育局", "Education Bureau"), ("交通运输局", "Transport Bureau"),
    ("市场监督管理局", "Administration for Market Regulation"),
    ("卫生健康委员会", "Health Commission"), ("生态环境局", "Ecology and Environment Bureau"),
    ("住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
    ("水务局", "Water Affairs Bureau"), ("财政局", "Finance Bureau"),
    ("应急管理局", "Emergency Management Bureau"), ("商务局", "Commerce Bureau"),
    ("科学技术局", "Science and Technology Bureau"),
    ("工业和信息化局", "Industry and Information Technology Bureau"),
    ("城市管理局", "Urban Management Bureau"), ("公安局", "Public Security Bureau"),
    ("人力资源和社会保障局", "Human Resources and Social Security Bureau"),
    ("统计局", "Statistics Bureau"), ("文化和旅游局", "Culture and Tourism Bureau"),
    ("体育局", "Sports Bureau"), ("民政局", "Civil Affairs Bureau"),
    ("自然资源和规划局", "Natural Resources and Planning Bureau"),
)

# (source, weight)
SOURCES: tuple[tuple[str, int], ...] = (
    ("老客户介绍", 20), ("展会", 15), ("官网", 12), ("微信", 12), ("电话营销", 10),
    ("阿里巴巴", 10), ("百度推广", 6), ("招投标", 6), ("上门拜访", 5), ("其他", 4),
)


class Country(NamedTuple):
    """A foreign market: company suffix, cities with dialling prefixes, people's names."""

    name_zh: str
    name_en: str
    suffix: str
    tld: str
    cities: tuple[tuple[str, str], ...]  # (city, phone prefix)
    names: str  # key of FOREIGN_NAMES


COUNTRIES: tuple[Country, ...] = (
    Country("德国", "Germany", "GmbH", "de",
            (("Hamburg", "+49 40"), ("Munich", "+49 89"), ("Stuttgart", "+49 711")), "german"),
    Country("美国", "United States", "Inc.", "com",
            (("Chicago", "+1 312"), ("Houston", "+1 713"), ("San Jose", "+1 408")), "western"),
    Country("日本", "Japan", "Co., Ltd.", "co.jp",
            (("Osaka", "+81 6"), ("Nagoya", "+81 52"), ("Tokyo", "+81 3")), "japanese"),
    Country("新加坡", "Singapore", "Pte. Ltd.", "com.sg", (("Singapore", "+65"),), "western"),
    Country("英国", "United Kingdom", "Ltd.", "co.uk",
            (("Manchester", "+44 161"), ("Birmingham", "+44 121")), "western"),
    Country("韩国", "South Korea", "Co., Ltd.", "co.kr",
            (("Seoul", "+82 2"), ("Busan", "+82 51")), "korean"),
    Country("法国", "France", "SAS", "fr", (("Lyon", "+33 4"), ("Paris", "+33 1")), "western"),
)

FOREIGN_PREFIXES: tuple[str, ...] = (
    "Nord", "Blue", "Alpen", "Pacific", "Silver", "Green", "Atlas", "Summit", "Orion",
    "Vertex", "Harbor", "Crown", "Falcon", "Maple", "Rhein", "Sakura", "Lion", "Aurora",
    "Delta", "Ever", "Polar", "Bright", "Iron", "Star", "Sun", "West", "East", "Prime",
    "Nova", "Terra",
)
FOREIGN_CORES: tuple[str, ...] = (
    "tech", "line", "field", "stone", "works", "wave", "point", "bridge", "gate", "mark",
    "tec", "vision",
)
FOREIGN_WORDS: tuple[str, ...] = (
    "Industrial", "Trading", "Systems", "Components", "Solutions", "Logistics", "Automation",
    "Electronics",
)
FOREIGN_STREETS: tuple[str, ...] = (
    "Harbour Street", "Industrial Park Road", "Main Street", "Station Road", "Riverside Drive",
    "Park Avenue", "Technology Way", "King Street", "Market Square", "Airport Road",
)

FOREIGN_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "western": (
        ("James", "John", "Robert", "Michael", "David", "William", "Richard", "Thomas",
         "Daniel", "Mark", "Paul", "Peter", "Andrew", "Kevin", "Brian", "Mary", "Jennifer",
         "Linda", "Sarah", "Emily", "Anna", "Laura", "Julia", "Sophie", "Emma", "Hannah",
         "Lisa", "Karen", "Nancy", "Susan"),
        ("Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Anderson",
         "Jackson", "White", "Harris", "Martin", "Thompson", "Clark", "Lewis", "Walker",
         "Hall", "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams",
         "Nelson", "Carter", "Mitchell", "Roberts", "Turner"),
    ),
    "german": (
        ("Thomas", "Stefan", "Andreas", "Michael", "Klaus", "Jürgen", "Markus", "Anna",
         "Julia", "Katrin", "Sabine", "Claudia", "Lukas", "Felix", "Laura", "Lena"),
        ("Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
         "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Braun", "Zimmermann"),
    ),
    "japanese": (
        ("Takeshi", "Hiroshi", "Kenji", "Yuki", "Satoshi", "Akira", "Naoko", "Yumi", "Keiko",
         "Haruka", "Daisuke", "Kazuki"),
        ("Tanaka", "Suzuki", "Sato", "Watanabe", "Takahashi", "Ito", "Yamamoto", "Nakamura",
         "Kobayashi", "Kato", "Yoshida", "Yamada"),
    ),
    "korean": (
        ("Min-jun", "Seo-yeon", "Ji-woo", "Ha-eun", "Do-yoon", "Soo-ah", "Joon-ho", "Ye-jin",
         "Hyun-woo", "Ji-min"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"),
    ),
}

MOBILE_PREFIXES: tuple[str, ...] = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181",
    "182", "183", "185", "186", "187", "188", "189", "198", "199",
)
PUBLIC_MAIL_DOMAINS: tuple[str, ...] = (
    "163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "139.com", "outlook.com",
)

# (title, buying role, weight as a primary contact, weight as another contact)
TITLES: tuple[tuple[str, str, int, int], ...] = (
    ("总经理", "decision_maker", 30, 2),
    ("董事长", "decision_maker", 6, 1),
    ("副总经理", "decision_maker", 10, 4),
    ("采购经理", "decision_maker", 28, 8),
    ("采购主管", "influencer", 12, 10),
    ("采购专员", "gatekeeper", 4, 14),
    ("技术总监", "influencer", 3, 8),
    ("工程师", "user", 0, 12),
    ("生产经理", "user", 2, 8),
    ("财务经理", "influencer", 1, 8),
    ("行政经理", "user", 3, 7),
    ("IT经理", "influencer", 1, 6),
    ("项目经理", "influencer", 1, 7),
    ("仓库主管", "user", 0, 5),
    ("总经理助理", "gatekeeper", 0, 5),
    ("前台", "gatekeeper", 0, 3),
)
TITLES_EN: tuple[tuple[str, str, int, int], ...] = (
    ("General Manager", "decision_maker", 30, 2),
    ("Managing Director", "decision_maker", 10, 2),
    ("Purchasing Manager", "decision_maker", 30, 8),
    ("Procurement Specialist", "gatekeeper", 5, 14),
    ("Technical Director", "influencer", 5, 8),
    ("Engineer", "user", 0, 12),
    ("Operations Manager", "user", 5, 8),
    ("Finance Manager", "influencer", 2, 8),
    ("IT Manager", "influencer", 3, 6),
    ("Project Manager", "influencer", 5, 8),
    ("Office Manager", "gatekeeper", 5, 6),
)

CUSTOMER_NOTES: tuple[str, ...] = (
    "年底集中采购，需提前备货。",
    "付款周期较长，注意回款。",
    "对价格敏感，注重性价比。",
    "技术要求高，需工程师陪同拜访。",
    "采购流程需走招投标。",
    "老板直接决策，关系维护良好。",
    "需开具增值税专用发票。",
    "每月初下单，月结30天。",
    "有新厂区扩建计划。",
    "偏好微信沟通。",
)

TAGS: tuple[tuple[str, str], ...] = (
    ("重点客户", Colour.TAG_RED),
    ("新客户", Colour.TAG_BLUE),
    ("老客户", Colour.TAG_GREEN),
    ("经销商", Colour.TAG_ORANGE),
    ("政府", Colour.TAG_PURPLE),
    ("外资", Colour.TAG_CYAN),
    ("潜在客户", Colour.TAG_GREY),
    ("价格敏感", Colour.TAG_YELLOW),
    ("长期合作", Colour.TAG_BROWN),
    ("需要回访", Colour.TAG_PINK),
)

# ---------------------------------------------------------------------------------- team


class Member(NamedTuple):
    """A member of the demo sales team."""

    name: str
    name_en: str
    role: str
    email: str
    phone: str
    hire_years_ago: int


TEAM: tuple[Member, ...] = (
    Member("陈建国", "David Chen", "owner", "david.chen@mingda-trade.com", "13901688001", 12),
    Member("李娜", "Lina Li", "manager", "lina.li@mingda-trade.com", "13816620002", 8),
    Member("王强", "Kevin Wang", "manager", "kevin.wang@mingda-trade.com", "13761880003", 7),
    Member("张伟", "Wei Zhang", "sales", "wei.zhang@mingda-trade.com", "18621090004", 5),
    Member("刘芳", "Fiona Liu", "sales", "fiona.liu@mingda-trade.com", "15901730005", 4),
    Member("赵磊", "Leo Zhao", "sales", "leo.zhao@mingda-trade.com", "13651920006", 3),
    Member("黄婷", "Tina Huang", "sales", "tina.huang@mingda-trade.com", "18817330007", 2),
    Member("周杰", "Jack Zhou", "sales", "jack.zhou@mingda-trade.com", "13120980008", 1),
)

COMPANY_PROFILE: tuple[tuple[str, str], ...] = (
    ("company.name", "上海明达贸易有限公司"),
    ("company.name_en", "Shanghai Mingda Trading Co., Ltd."),
    ("company.address", "上海市浦东新区张江路1388号8楼"),
    ("company.tax_id", "91310115MA1K4B7X2D"),
    ("company.phone", "021-58886688"),
    ("company.email", "sales@mingda-trade.com"),
)

# ----------------------------------------------------------------------------- pipeline

# (key, 中文, English, kind, default probability, stale after days)
STAGES: tuple[tuple[str, str, str, str, int, int | None], ...] = (
    ("lead", "线索", "Lead", "open", 10, 14),
    ("qualified", "初步接洽", "Qualified", "open", 20, 21),
    ("needs_analysis", "需求分析", "Needs analysis", "open", 40, 30),
    ("proposal", "方案报价", "Proposal", "open", 60, 30),
    ("negotiation", "商务谈判", "Negotiation", "open", 80, 21),
    ("won", "赢单", "Won", "won", 100, None),
    ("lost", "输单", "Lost", "lost", 0, None),
)

# (中文, English, weight)
LOST_REASONS: tuple[tuple[str, str, int], ...] = (
    ("价格太高", "Price too high", 30),
    ("选择了竞争对手", "Chose a competitor", 25),
    ("预算取消", "Budget cancelled", 12),
    ("没有回应", "No response", 15),
    ("需求不匹配", "Needs not met", 10),
    ("时机不对", "Bad timing", 8),
)

OPPORTUNITY_TITLES: tuple[str, ...] = (
    "{year}年度采购项目", "{year}年办公设备更新", "生产线自动化改造", "新厂区配套设备采购",
    "网络及安防系统升级", "IT设备集中采购", "包装材料年度框架协议", "劳保用品年度采购",
    "仓库智能化改造", "年度维保服务合同", "会议室设备升级", "数据中心机房建设",
    "门店网络改造", "研发中心电脑采购", "安全生产用品采购", "{year}年度备品备件采购",
)
NEXT_STEPS: tuple[str, ...] = (
    "安排技术交流", "发送正式报价", "等待客户预算审批", "约见采购负责人", "提供样品测试",
    "准备投标文件", "跟进合同审批", "安排高层拜访",
)
COMPETITORS: tuple[str, ...] = (
    "华东工控", "中诚贸易", "联创科技", "捷通办公", "恒达供应链", "京东企业购", "本地经销商",
)
LOST_NOTES: tuple[str, ...] = (
    "客户选择了报价更低的供应商。", "项目预算被削减。", "客户内部决策推迟到明年。",
    "技术参数不满足要求。", "多次联系未回复。",
)

# ----------------------------------------------------------------------------- products


class Product(NamedTuple):
    """A catalogue item: price in yuan, tax in percent, typical order quantity range."""

    sku: str
    name_zh: str
    name_en: str
    unit: str
    category: int  # index into CATEGORIES
    price: str  # yuan, as text so it stays exact
    tax: int  # percent
    qty_min: int
    qty_max: int
    step: int  # quantity step in thousandths (1000 = whole units, 500 = halves)
    popularity: int


CATEGORIES: tuple[tuple[str, str], ...] = (
    ("办公设备", "Office Equipment"),
    ("电脑及配件", "Computers & Accessories"),
    ("网络与安防", "Networking & Security"),
    ("工业自动化", "Industrial Automation"),
    ("五金工具", "Hardware & Tools"),
    ("包装材料", "Packaging Materials"),
    ("劳保用品", "Safety & Workwear"),
    ("技术服务", "Technical Services"),
)
SERVICES_CATEGORY = 7

PRODUCTS: tuple[Product, ...] = (
    Product("OF-1001", "A4黑白激光打印机", "A4 mono laser printer", "台", 0, "1299", 13,
            1, 10, 1000, 6),
    Product("OF-1002", "彩色激光多功能一体机", "Colour laser multifunction printer", "台", 0,
            "4599", 13, 1, 5, 1000, 4),
    Product("OF-1003", "A3数码复印机", "A3 digital copier", "台", 0, "18800", 13, 1, 3, 1000, 2),
    Product("OF-1004", "商务投影仪", "Business projector", "台", 0, "3999", 13, 1, 6, 1000, 3),
    Product("OF-1005", "碎纸机", "Paper shredder", "台", 0, "899", 13, 1, 5, 1000, 3),
    Product("OF-1006", "A4复印纸70g（5包/箱）", "A4 copy paper 70 g (5 reams/box)", "箱", 0,
            "128", 13, 5, 200, 1000, 14),
    Product("OF-1007", "原装硒鼓", "Toner cartridge", "个", 0, "359", 13, 2, 50, 1000, 10),
    Product("OF-1008", "65英寸会议平板", "65-inch interactive meeting display", "台", 0,
            "12999", 13, 1, 4, 1000, 2),
    Product("PC-2001", "14英寸商务笔记本电脑", "14-inch business laptop", "台", 1, "5999", 13,
            1, 30, 1000, 8),
    Product("PC-2002", "16英寸高性能笔记本电脑", "16-inch performance laptop", "台", 1, "9499",
            13, 1, 15, 1000, 4),
    Product("PC-2003", "商用台式电脑", "Business desktop PC", "台", 1, "4299", 13, 1, 40, 1000, 7),
    Product("PC-2004", "27英寸显示器", "27-inch monitor", "台", 1, "1499", 13, 1, 40, 1000, 8),
    Product("PC-2005", "无线键鼠套装", "Wireless keyboard and mouse set", "套", 1, "199", 13,
            2, 60, 1000, 9),
    Product("PC-2006", "1TB固态硬盘", "1 TB solid-state drive", "个", 1, "499", 13, 2, 50, 1000, 7),
    Product("PC-2007", "笔记本扩展坞", "Laptop docking station", "个", 1, "699", 13, 1, 30, 1000, 5),
    Product("PC-2008", "图形工作站", "Graphics workstation", "台", 1, "18999", 13, 1, 5, 1000, 2),
    Product("NW-3001", "24口千兆交换机", "24-port gigabit switch", "台", 2, "1899", 13,
            1, 10, 1000, 5),
    Product("NW-3002", "企业级路由器", "Enterprise router", "台", 2, "3299", 13, 1, 4, 1000, 3),
    Product("NW-3003", "吸顶式无线AP", "Ceiling-mounted Wi-Fi access point", "个", 2, "799", 13,
            2, 40, 1000, 5),
    Product("NW-3004", "超五类网线（305米/箱）", "Cat5e cable (305 m box)", "箱", 2, "459", 13,
            1, 30, 1000, 6),
    Product("NW-3005", "400万像素网络摄像机", "4 MP IP camera", "台", 2, "599", 13, 2, 60, 1000, 6),
    Product("NW-3006", "16路硬盘录像机", "16-channel network video recorder", "台", 2, "2199", 13,
            1, 6, 1000, 3),
    Product("NW-3007", "下一代防火墙", "Next-generation firewall", "台", 2, "8800", 13,
            1, 2, 1000, 2),
    Product("NW-3008", "42U网络机柜", "42U server rack", "台", 2, "2600", 13, 1, 6, 1000, 2),
    Product("IA-4001", "PLC控制器", "PLC controller", "台", 3, "3680", 13, 1, 20, 1000, 5),
    Product("IA-4002", "7.5kW变频器", "7.5 kW frequency inverter", "台", 3, "2980", 13,
            1, 20, 1000, 4),
    Product("IA-4003", "伺服电机套装", "Servo motor kit", "套", 3, "4580", 13, 1, 20, 1000, 4),
    Product("IA-4004", "光电传感器", "Photoelectric sensor", "个", 3, "168", 13, 5, 200, 1000, 7),
    Product("IA-4005", "接近开关", "Proximity switch", "个", 3, "86", 13, 10, 300, 1000, 7),
    Product("IA-4006", "标准气缸", "Standard pneumatic cylinder", "个", 3, "320", 13,
            5, 100, 1000, 5),
    Product("IA-4007", "10英寸触摸屏", "10-inch HMI touch panel", "台", 3, "2380", 13,
            1, 15, 1000, 3),
    Product("IA-4008", "6205深沟球轴承", "6205 deep groove ball bearing", "个", 3, "18.50", 13,
            20, 2000, 1000, 9),
    Product("HW-5001", "电动螺丝刀套装", "Electric screwdriver set", "套", 4, "399", 13,
            1, 20, 1000, 4),
    Product("HW-5002", "充电式冲击钻", "Cordless impact drill", "台", 4, "899", 13, 1, 15, 1000, 4),
    Product("HW-5003", "M8不锈钢螺栓（100个/盒）", "M8 stainless bolts (box of 100)", "盒", 4,
            "56", 13, 5, 300, 1000, 8),
    Product("HW-5004", "七抽屉工具车", "Tool trolley with 7 drawers", "台", 4, "1680", 13,
            1, 5, 1000, 2),
    Product("HW-5005", "数显游标卡尺", "Digital caliper", "个", 4, "238", 13, 1, 20, 1000, 4),
    Product("HW-5006", "数字万用表", "Digital multimeter", "个", 4, "268", 13, 1, 20, 1000, 4),
    Product("HW-5007", "1.0mm气保焊丝", "1.0 mm MIG welding wire", "kg", 4, "16.80", 13,
            10, 500, 500, 6),
    Product("PK-6001", "五层瓦楞纸箱", "5-ply corrugated carton", "个", 5, "6.80", 13,
            200, 10000, 1000, 12),
    Product("PK-6002", "缠绕膜", "Stretch film", "kg", 5, "14.50", 13, 20, 1000, 500, 11),
    Product("PK-6003", "封箱胶带（72卷/箱）", "Packing tape (72 rolls/box)", "箱", 5, "168", 13,
            1, 50, 1000, 10),
    Product("PK-6004", "气泡膜", "Bubble wrap", "kg", 5, "18", 13, 10, 500, 500, 7),
    Product("PK-6005", "木托盘", "Wooden pallet", "个", 5, "85", 13, 10, 400, 1000, 6),
    Product("PK-6006", "PP打包带", "PP strapping band", "kg", 5, "9.80", 13, 20, 800, 500, 7),
    Product("PK-6007", "珍珠棉", "EPE foam", "kg", 5, "22", 13, 10, 400, 500, 5),
    Product("SF-7001", "ABS安全帽", "ABS safety helmet", "个", 6, "45", 13, 10, 300, 1000, 8),
    Product("SF-7002", "防割手套（12双/包）", "Cut-resistant gloves (12 pairs)", "包", 6, "96",
            13, 5, 200, 1000, 9),
    Product("SF-7003", "春秋款工作服", "Work uniform (spring/autumn)", "套", 6, "168", 13,
            10, 300, 1000, 6),
    Product("SF-7004", "劳保安全鞋", "Safety shoes", "双", 6, "268", 13, 5, 200, 1000, 6),
    Product("SF-7005", "防护眼镜", "Safety goggles", "个", 6, "35", 13, 10, 300, 1000, 6),
    Product("SF-7006", "N95防护口罩（50只/盒）", "N95 respirators (box of 50)", "盒", 6, "99",
            13, 5, 300, 1000, 7),
    Product("SF-7007", "反光背心", "Reflective vest", "件", 6, "25", 13, 10, 300, 1000, 5),
    Product("SV-8001", "设备安装调试", "Installation and commissioning", "小时", 7, "280", 6,
            2, 40, 500, 5),
    Product("SV-8002", "年度维保服务", "Annual maintenance contract", "年", 7, "12000", 6,
            1, 2, 1000, 3),
    Product("SV-8003", "现场技术培训", "On-site technical training", "小时", 7, "450", 6,
            2, 24, 500, 3),
    Product("SV-8004", "网络系统集成", "Network system integration", "项", 7, "25000", 6,
            1, 1, 1000, 1),
    Product("SV-8005", "软件实施服务", "Software implementation", "人天", 7, "1800", 6,
            1, 20, 500, 2),
    Product("SV-8006", "物流配送服务", "Delivery service", "次", 7, "350", 9, 1, 12, 1000, 6),
    Product("SV-8007", "弱电布线安装工程", "Low-voltage cabling installation", "项", 7, "15000",
            9, 1, 1, 1000, 1),
)

# Price lists per tier: (tier, 中文名, English name, category discounts in 0.01 %)
PRICE_TIERS: tuple[tuple[str, str, str, tuple[tuple[int, int], ...]], ...] = (
    ("A", "A类客户价目表", "Tier A price list", ((0, 1000), (1, 1000), (2, 800), (3, 800))),
    ("B", "B类客户价目表", "Tier B price list", ((0, 500), (1, 500), (5, 500))),
    ("C", "C类客户价目表", "Tier C price list", ((5, 300), (6, 300))),
)
# The base discount (0.01 %) an order line gets for the customer's tier (services: none).
TIER_DISCOUNTS: dict[str, int] = {"A": 1000, "B": 500, "C": 200, "D": 0}

# ----------------------------------------------------------------- activities & history

FOLLOW_UP_PLAN = "订单后回访 After-order follow-up"
# (offset days, kind, subject, with survey)
FOLLOW_UP_STEPS: tuple[tuple[int, str, str, bool], ...] = (
    (3, "call", "电话确认到货及使用情况", False),
    (14, "follow_up", "订单回访（满意度调查）", True),
    (60, "call", "复购需求确认", False),
)

# (kind, weight, subjects)
ACTIVITY_KINDS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("call", 30, ("电话跟进采购需求", "电话确认交货时间", "电话回访使用情况", "电话沟通报价细节",
                  "催收货款", "电话邀约参加展会")),
    ("wechat", 18, ("微信沟通需求", "微信发送产品图片", "微信确认订单", "微信提醒付款")),
    ("visit", 12, ("上门拜访客户", "拜访采购部门", "现场勘察安装环境", "拜访技术负责人",
                   "年度拜访")),
    ("email", 12, ("发送产品资料", "发送报价单", "邮件确认合同条款", "发送开票信息",
                   "发送节日问候")),
    ("meeting", 8, ("项目启动会", "方案评审会议", "商务谈判会议", "季度业务回顾",
                    "技术交流会")),
    ("follow_up", 8, ("客户回访", "售后回访", "满意度回访", "交付后回访")),
    ("todo", 9, ("准备报价单", "整理客户资料", "申请特价审批", "安排发货", "开具发票",
                 "更新合同")),
    ("demo", 3, ("产品演示", "线上演示系统功能", "样品测试演示")),
)
ACTIVITY_NOTES: tuple[str, ...] = (
    "客户要求带上样品。", "注意确认付款方式。", "需提前预约采购经理。", "带上最新价目表。",
    "客户关注交货期。", "上次反馈的问题需给出答复。",
)
ACTIVITY_OUTCOMES: tuple[str, ...] = (
    "客户有采购意向，下周发正式报价。", "已确认需求，等待预算审批。",
    "客户暂无需求，三个月后再跟进。", "已确认收货，使用正常。",
    "客户对价格有异议，需要申请折扣。", "约定下周上门拜访。", "已发送资料，客户反馈良好。",
    "付款已安排，预计本周到账。", "客户要求补充技术参数。", "已完成，无异常。",
)

# (kind, weight, templates; {product} is filled with a product name)
INTERACTION_KINDS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("call", 30, ("电话沟通{product}的采购需求，客户预计下月下单。",
                  "客户来电咨询{product}的价格和交期。", "电话确认{product}已到货。",
                  "电话催收上月货款，客户承诺月底前付款。", "电话邀约客户参加新品发布会。")),
    ("wechat", 25, ("微信发送{product}的产品资料和报价。", "客户微信询问{product}的库存。",
                    "微信确认送货地址和联系人。", "微信沟通合同付款条款。")),
    ("visit", 12, ("拜访客户采购部，介绍{product}。", "上门拜访，了解客户新厂区建设计划。",
                   "现场查看设备运行情况，客户反馈良好。",
                   "陪同工程师上门解决{product}的安装问题。")),
    ("email", 12, ("邮件发送{product}报价单。", "邮件确认订单明细。",
                   "邮件发送年度合作协议草稿。", "客户邮件反馈发票信息有误，已更正。")),
    ("meeting", 8, ("与客户技术团队讨论{product}方案。", "季度业务回顾会议，客户计划扩大采购。",
                    "商务谈判会议，价格基本达成一致。", "年度框架协议洽谈。")),
    ("note", 8, ("客户采购负责人变更，需重新建立联系。", "客户预算审批周期较长，需持续跟进。",
                 "客户对竞争对手的产品也有兴趣。", "客户计划明年扩大产能。")),
    ("feedback", 5, ("客户反馈{product}质量稳定，很满意。", "客户反馈送货及时。",
                     "客户反映{product}包装破损，已安排换货。", "客户希望提供更优惠的价格。",
                     "客户表扬售后服务响应快。", "客户反馈交货延迟，已致歉并跟进。")),
)

SURVEY_COMMENTS: tuple[str, ...] = (
    "服务响应及时，很满意。", "送货速度快。", "价格略高，希望有更多优惠。", "产品质量稳定。",
    "售后工程师很专业。", "希望加强沟通频率。", "包装有破损，已处理。", "整体满意，会继续合作。",
)

ORDER_NOTES: tuple[str, ...] = (
    "加急发货。", "分批交货。", "客户自提。", "需随货附质检报告。", "送货前电话联系。",
)

QUOTE_TERMS_ZH = (
    "1. 本报价有效期30天。\n2. 以上价格不含税，增值税按适用税率另计。\n"
    "3. 付款方式：合同签订后预付30%，发货前付清余款。\n4. 交货期：收到预付款后7个工作日内发货。"
)
QUOTE_TERMS_EN = (
    "1. This quotation is valid for 30 days.\n2. Prices exclude VAT, which is added at the "
    "applicable rate.\n3. Payment: 30% on signing, balance before shipment.\n"
    "4. Delivery: within 7 working days after the advance payment."
)
QUOTE_SECTIONS: tuple[str, ...] = ("一、设备及材料", "一、硬件部分", "一、产品清单")

ACCOUNT_PLAN_OBJECTIVES: tuple[str, ...] = (
    "年度销售额增长20%，扩大办公及IT设备的份额。",
    "成为客户包装材料的首选供应商，签订年度框架协议。",
    "拓展工业自动化产品线，参与新产线建设项目。",
)
ACCOUNT_PLAN_STRATEGIES: tuple[str, ...] = (
    "高层定期拜访，每季度业务回顾；提供定制化方案和优先交付。",
    "安排专属客户经理和技术支持，建立备货机制，缩短交付周期。",
    "以维保服务带动设备销售，提供以旧换新方案。",
)
ACCOUNT_PLAN_RISKS: tuple[str, ...] = (
    "竞争对手低价竞争；客户预算收紧。",
    "客户采购负责人变动；付款周期延长。",
    "原材料价格上涨影响报价竞争力。",
)

# fmt: on
