/**
 * The departments of a generated city: the usual municipal line-up (government departments,
 * vertical bodies, party and mass organisations), with what each regulates. Item names, section
 * names and tasks are composed from these words, so a city reads like a real 权责清单.
 */
export interface DepartmentKind {
  key: string;
  /** Name after the region's name: 日照市 + 生态环境局. */
  suffix: string;
  /** Two to four letters in item codes. */
  code: string;
  kind: 'government' | 'party' | 'mass' | 'institution' | 'vertical';
  /** Short names citizens and operators use; the region name is prefixed to some. */
  aliases: string[];
  /** Sections beyond 办公室 (every department has one). */
  sections: string[];
  /** What it regulates: subjects of its penalty and inspection items. */
  objects: string[];
  /** What it licenses, confirms or pays: its application items. */
  permits: string[];
  /** Relative share of the city's power items (0 for bodies without a 权责清单). */
  weight: number;
  /** Present in counties and districts (development zones keep only `zone: true` ones). */
  county: boolean;
  zone?: boolean;
}

const gov = (d: Omit<DepartmentKind, 'kind'> & { kind?: DepartmentKind['kind'] }): DepartmentKind => ({ kind: 'government', ...d });
const party = (key: string, suffix: string, aliases: string[], sections: string[], kind: DepartmentKind['kind'] = 'party'): DepartmentKind =>
  ({ key, suffix, code: key.toUpperCase().slice(0, 3), kind, aliases, sections, objects: [], permits: [], weight: 0, county: false });

export const DEPARTMENT_KINDS: DepartmentKind[] = [
  gov({ key: 'fgw', suffix: '发展和改革委员会', code: 'FG', aliases: ['发改委'], sections: ['国民经济综合科', '投资科', '价格管理科', '能源发展科'], objects: ['固定资产投资项目单位', '招标投标活动当事人', '重点用能单位', '价格违法经营者'], permits: ['企业投资项目核准', '固定资产投资项目节能审查', '政府定价项目成本监审'], weight: 90, county: true }),
  gov({ key: 'jy', suffix: '教育局', code: 'JY', aliases: ['教育局', '教体局'], sections: ['基础教育科', '职业教育科', '学生资助管理中心', '教育督导科'], objects: ['民办学校', '校外培训机构', '中小学校'], permits: ['民办学校办学许可', '教师资格认定', '校外培训机构审批'], weight: 120, county: true }),
  gov({ key: 'kj', suffix: '科学技术局', code: 'KJ', aliases: ['科技局'], sections: ['高新技术科', '科技成果转化科'], objects: ['科技计划项目承担单位', '技术合同登记当事人'], permits: ['技术合同认定登记', '科学技术奖励'], weight: 40, county: true }),
  gov({ key: 'gx', suffix: '工业和信息化局', code: 'GX', aliases: ['工信局'], sections: ['产业发展科', '节能与综合利用科', '中小企业科'], objects: ['工业企业', '民用爆炸物品生产企业', '无线电台站设置单位'], permits: ['民用爆炸物品销售许可', '无线电频率使用许可'], weight: 80, county: true }),
  gov({ key: 'ga', suffix: '公安局', code: 'GA', aliases: ['公安局', '派出所', '110'], sections: ['治安管理支队', '交通警察支队', '出入境管理支队', '户政管理科', '网络安全保卫支队'], objects: ['旅馆业经营者', '娱乐场所', '机动车驾驶人', '印章刻制业经营者', '保安服务公司'], permits: ['户口迁移登记', '居民身份证核发', '机动车登记', '出入境证件签发', '大型群众性活动安全许可'], weight: 480, county: true }),
  gov({ key: 'mz', suffix: '民政局', code: 'MZ', aliases: ['民政局'], sections: ['社会救助科', '养老服务科', '社会组织管理科', '婚姻登记处', '区划地名科'], objects: ['社会组织', '养老机构', '殡葬服务单位', '慈善组织'], permits: ['社会团体成立登记', '最低生活保障', '特困人员供养', '婚姻登记', '殡葬设施建设审批'], weight: 160, county: true }),
  gov({ key: 'sf', suffix: '司法局', code: 'SF', aliases: ['司法局'], sections: ['律师工作科', '公证工作科', '人民参与和促进法治科', '行政复议科'], objects: ['律师事务所', '公证机构', '基层法律服务所', '司法鉴定机构'], permits: ['法律援助', '律师执业核准', '人民调解员补贴'], weight: 110, county: true }),
  gov({ key: 'cz', suffix: '财政局', code: 'CZ', aliases: ['财政局'], sections: ['预算科', '国库科', '政府采购管理科', '会计科'], objects: ['政府采购当事人', '代理记账机构', '会计人员'], permits: ['代理记账机构审批', '政府采购方式变更审批'], weight: 110, county: true }),
  gov({ key: 'rs', suffix: '人力资源和社会保障局', code: 'RS', aliases: ['人社局', '劳动监察大队', '社保局'], sections: ['劳动保障监察科', '就业促进科', '养老保险科', '工伤保险科', '劳动关系科', '人才开发科'], objects: ['用人单位', '人力资源服务机构', '职业培训机构'], permits: ['失业保险金申领', '工伤认定', '职业技能鉴定', '人力资源服务许可', '劳务派遣经营许可', '养老保险待遇核定'], weight: 260, county: true }),
  gov({ key: 'zr', suffix: '自然资源和规划局', code: 'ZR', aliases: ['自然资源局', '规划局', '不动产登记中心'], sections: ['国土空间规划科', '不动产登记科', '耕地保护科', '矿产资源管理科', '执法监察科'], objects: ['建设单位', '采矿权人', '测绘单位', '土地使用权人'], permits: ['建设工程规划许可', '建设用地规划许可', '不动产登记', '采矿许可', '乡村建设规划许可'], weight: 250, county: true }),
  gov({ key: 'st', suffix: '生态环境局', code: 'ST', aliases: ['环保局', '生态环境局'], sections: ['大气与声环境科', '水生态环境科', '固体废物与化学品科', '环境影响评价科', '生态环境执法监督科'], objects: ['排污单位', '建设项目单位', '危险废物经营单位', '机动车排放检验机构', '辐射工作单位'], permits: ['排污许可', '建设项目环境影响评价审批', '危险废物经营许可', '辐射安全许可'], weight: 380, county: true }),
  gov({ key: 'zj', suffix: '住房和城乡建设局', code: 'ZJ', aliases: ['住建局', '建设局', '房管局'], sections: ['建筑市场监管科', '房地产市场监管科', '物业管理科', '城市建设科', '工程质量安全监督站'], objects: ['建设单位', '施工单位', '房地产开发企业', '物业服务企业', '工程监理单位'], permits: ['商品房预售许可', '建设工程竣工验收备案', '建筑业企业资质核准', '房屋买卖合同网签备案', '燃气经营许可'], weight: 420, county: true, zone: true }),
  gov({ key: 'cg', suffix: '城市管理局', code: 'CG', aliases: ['城管局', '综合行政执法局', '城管'], sections: ['市容环境卫生管理科', '市政设施管理科', '园林绿化科', '综合执法支队', '户外广告管理科'], objects: ['沿街商户', '建筑垃圾运输单位', '户外广告设置人', '占用城市道路单位', '餐饮服务经营者'], permits: ['城市建筑垃圾处置核准', '临时占用城市道路许可', '户外广告设施设置许可', '城镇污水排入排水管网许可', '挖掘城市道路许可'], weight: 520, county: true, zone: true }),
  gov({ key: 'jt', suffix: '交通运输局', code: 'JT', aliases: ['交通局', '运管处'], sections: ['运输管理科', '公路管理科', '港航管理科', '交通综合执法支队'], objects: ['道路运输经营者', '出租汽车经营者', '网约车平台公司', '机动车维修经营者', '公路施工单位'], permits: ['道路运输经营许可', '出租汽车经营许可', '网约车驾驶员证核发', '超限运输车辆行驶公路许可'], weight: 360, county: true }),
  gov({ key: 'sl', suffix: '水利局', code: 'SL', aliases: ['水利局'], sections: ['水资源管理科', '河湖管理科', '农村水利科'], objects: ['取水单位', '河道管理范围内建设单位', '采砂单位'], permits: ['取水许可', '河道采砂许可', '洪水影响评价审批'], weight: 140, county: true }),
  gov({ key: 'ny', suffix: '农业农村局', code: 'NY', aliases: ['农业局', '农业农村局'], sections: ['种植业管理科', '农产品质量安全监管科', '农村经营管理科', '农业综合执法支队'], objects: ['农药经营者', '种子生产经营者', '农产品生产企业', '兽药经营者', '渔业捕捞者'], permits: ['农药经营许可', '种子生产经营许可', '农作物种子质量检验机构考核', '渔业捕捞许可'], weight: 330, county: true }),
  gov({ key: 'sw', suffix: '商务局', code: 'SW', aliases: ['商务局'], sections: ['对外贸易科', '市场运行科', '外商投资管理科'], objects: ['成品油经营企业', '单用途预付卡发卡企业', '报废机动车回收企业'], permits: ['成品油零售经营资格审批', '报废机动车回收拆解企业资质认定', '对外贸易经营者备案'], weight: 90, county: true }),
  gov({ key: 'wl', suffix: '文化和旅游局', code: 'WL', aliases: ['文旅局', '文化局', '旅游局'], sections: ['公共服务科', '市场管理科', '文物保护科', '文化市场综合执法支队'], objects: ['旅行社', '娱乐场所经营单位', '网吧经营单位', 'A级旅游景区', '演出经纪机构'], permits: ['旅行社业务经营许可', '娱乐场所经营许可', '网络文化经营许可', '营业性演出审批'], weight: 230, county: true }),
  gov({ key: 'wj', suffix: '卫生健康委员会', code: 'WJ', aliases: ['卫健委', '卫生局'], sections: ['医政医管科', '疾病预防控制科', '公共卫生监督科', '妇幼健康科', '职业健康科'], objects: ['医疗机构', '公共场所经营者', '生活饮用水供水单位', '放射诊疗机构', '医师'], permits: ['医疗机构执业许可', '医师执业注册', '公共场所卫生许可', '放射诊疗许可', '母婴保健技术服务许可'], weight: 330, county: true }),
  gov({ key: 'tyjr', suffix: '退役军人事务局', code: 'TYJ', aliases: ['退役军人局'], sections: ['移交安置科', '优抚科'], objects: ['退役军人服务站'], permits: ['优抚对象抚恤补助', '退役士兵安置', '烈士褒扬金发放'], weight: 50, county: true }),
  gov({ key: 'yj', suffix: '应急管理局', code: 'YJ', aliases: ['应急局', '安监局'], sections: ['危险化学品安全监督管理科', '工贸行业安全监督管理科', '应急救援指挥中心', '安全生产执法监察支队'], objects: ['生产经营单位', '危险化学品经营企业', '烟花爆竹经营单位', '非煤矿山企业'], permits: ['危险化学品经营许可', '烟花爆竹经营许可', '安全生产许可', '建设项目安全设施设计审查'], weight: 300, county: true, zone: true }),
  gov({ key: 'sj', suffix: '审计局', code: 'SJ', aliases: ['审计局'], sections: ['财政审计科', '经济责任审计科'], objects: ['被审计单位'], permits: [], weight: 30, county: true }),
  gov({ key: 'gz', suffix: '国有资产监督管理委员会', code: 'GZ', aliases: ['国资委'], sections: ['产权管理科', '企业改革科'], objects: ['市属国有企业'], permits: ['国有资产产权登记'], weight: 30, county: false }),
  gov({ key: 'sc', suffix: '市场监督管理局', code: 'SC', aliases: ['市场监管局', '工商局', '质监局', '食药监局'], sections: ['登记注册科', '食品生产安全监督管理科', '食品经营安全监督管理科', '特种设备安全监察科', '消费者权益保护科', '价格监督检查和反不正当竞争科', '药品医疗器械监督管理科', '计量科'], objects: ['食品生产经营者', '特种设备使用单位', '电梯维护保养单位', '药品零售企业', '计量器具使用者', '网络交易经营者', '产品质量生产者'], permits: ['食品经营许可', '食品生产许可', '特种设备使用登记', '药品经营许可', '计量标准器具核准', '营业执照变更登记'], weight: 640, county: true, zone: true }),
  gov({ key: 'ty', suffix: '体育局', code: 'TY', aliases: ['体育局'], sections: ['群众体育科', '竞技体育科'], objects: ['高危险性体育项目经营者', '体育场馆'], permits: ['高危险性体育项目经营许可', '体育类民办非企业单位审查'], weight: 40, county: true }),
  gov({ key: 'tj', suffix: '统计局', code: 'TJ', aliases: ['统计局'], sections: ['综合统计科', '统计执法监督科'], objects: ['统计调查对象'], permits: ['涉外调查机构资格认定'], weight: 30, county: true }),
  gov({ key: 'yb', suffix: '医疗保障局', code: 'YB', aliases: ['医保局'], sections: ['待遇保障科', '医药服务管理科', '基金监管科'], objects: ['定点医药机构', '参保人员'], permits: ['医疗费用报销', '异地就医备案', '门诊慢特病待遇认定', '生育保险待遇核定'], weight: 90, county: true }),
  gov({ key: 'jr', suffix: '地方金融监督管理局', code: 'JR', aliases: ['金融局'], sections: ['地方金融监管科'], objects: ['小额贷款公司', '融资担保公司', '典当行'], permits: ['融资担保公司设立审批'], weight: 40, county: false }),
  gov({ key: 'sp', suffix: '行政审批服务局', code: 'SP', aliases: ['审批局', '政务服务中心'], sections: ['市场准入科', '建设项目审批科', '社会事务审批科', '踏勘评审科'], objects: ['申请人'], permits: ['建筑工程施工许可证核发', '食品经营许可（审批）', '道路运输经营许可（审批）', '药品零售企业许可（审批）', '民办非企业单位成立登记（审批）'], weight: 210, county: true, zone: true }),
  gov({ key: 'dsj', suffix: '大数据局', code: 'DS', aliases: ['大数据局'], sections: ['数据资源管理科'], objects: ['政务信息系统建设单位'], permits: [], weight: 15, county: false }),
  gov({ key: 'hy', suffix: '海洋发展局', code: 'HY', aliases: ['海洋局', '渔业局'], sections: ['海域海岛管理科', '渔业渔政管理科'], objects: ['海域使用权人', '渔船船东', '水产养殖单位'], permits: ['海域使用权审核', '渔业船舶登记', '水域滩涂养殖证核发'], weight: 120, county: false }),
  gov({ key: 'rf', suffix: '人民防空办公室', code: 'RF', aliases: ['人防办'], sections: ['人防工程管理科'], objects: ['人防工程使用单位', '结建人防工程建设单位'], permits: ['人防工程拆除审批', '防空地下室易地建设审批'], weight: 40, county: true }),
  gov({ key: 'xf', suffix: '信访局', code: 'XF', aliases: ['信访局'], sections: ['来访接待科', '督查督办科'], objects: [], permits: [], weight: 0, county: true }),
  gov({ key: 'ls', suffix: '粮食和物资储备局', code: 'LS', aliases: ['粮食局'], sections: ['粮食流通监督检查科'], objects: ['粮食经营者', '粮食仓储企业'], permits: ['粮食收购资格备案'], weight: 40, county: true }),
  gov({ key: 'xm', suffix: '畜牧兽医局', code: 'XM', aliases: ['畜牧局'], sections: ['动物防疫科', '畜产品质量安全科'], objects: ['畜禽养殖场', '生猪定点屠宰企业', '动物诊疗机构'], permits: ['动物防疫条件合格证核发', '生猪定点屠宰证核发', '动物诊疗许可'], weight: 120, county: true }),
  gov({ key: 'gjj', suffix: '住房公积金管理中心', code: 'GJ', aliases: ['公积金中心'], sections: ['归集管理科', '贷款管理科'], objects: ['缴存单位'], permits: ['住房公积金提取', '住房公积金贷款'], weight: 30, county: false, kind: 'institution' }),
  gov({ key: 'swj', suffix: '税务局', code: 'SWJ', aliases: ['税务局'], sections: ['纳税服务科', '征收管理科'], objects: ['纳税人'], permits: ['发票领用', '税务登记'], weight: 60, county: true, kind: 'vertical' }),
  gov({ key: 'qx', suffix: '气象局', code: 'QX', aliases: ['气象局'], sections: ['防雷减灾科'], objects: ['防雷装置使用单位', '施放气球单位'], permits: ['防雷装置设计审核', '升放无人驾驶自由气球审批'], weight: 25, county: true, kind: 'vertical' }),
  gov({ key: 'xfj', suffix: '消防救援支队', code: 'XFJ', aliases: ['消防队', '消防救援'], sections: ['防火监督科', '灭火救援指挥科'], objects: ['公众聚集场所', '消防安全重点单位', '建设工程消防设计单位'], permits: ['公众聚集场所投入使用营业前消防安全检查'], weight: 90, county: true, kind: 'vertical' }),
  gov({ key: 'yc', suffix: '烟草专卖局', code: 'YC', aliases: ['烟草局'], sections: ['专卖管理科'], objects: ['烟草制品零售户'], permits: ['烟草专卖零售许可'], weight: 25, county: true, kind: 'vertical' }),
  gov({ key: 'yz', suffix: '邮政管理局', code: 'YZ', aliases: ['邮政局'], sections: ['市场监管科'], objects: ['快递企业'], permits: ['快递业务经营许可'], weight: 25, county: false, kind: 'vertical' }),
  gov({ key: 'rx', suffix: '12345政务服务便民热线办公室', code: 'RX', aliases: ['12345热线', '市民热线'], sections: ['派单督办科', '知识库管理科'], objects: [], permits: [], weight: 0, county: true, kind: 'institution' }),
  party('jw', '纪律检查委员会', ['纪委监委'], ['党风政风监督室', '信访室', '案件审理室']),
  party('zzb', '委组织部', ['组织部'], ['组织科', '干部科', '干部监督科']),
  party('xcb', '委宣传部', ['宣传部'], ['理论科', '新闻出版科']),
  party('tzb', '委统一战线工作部', ['统战部'], ['党派工作科', '民族宗教科']),
  party('zfw', '委政法委员会', ['政法委'], ['综治督导科', '执法监督科']),
  party('bb', '委机构编制委员会办公室', ['编办'], ['行政机构编制科', '事业机构编制科', '监督检查科']),
  party('wxb', '委网络安全和信息化委员会办公室', ['网信办'], ['网络舆情科', '网络安全协调科']),
  party('jgw', '直属机关工作委员会', ['机关工委'], ['组织宣传科']),
  party('lgb', '委老干部局', ['老干部局'], ['服务管理科']),
  party('dx', '委党校', ['党校'], ['教务处', '科研处'], 'institution'),
  party('dag', '档案馆', ['档案馆'], ['档案接收征集科', '利用服务科'], 'institution'),
  party('dsy', '委党史研究院', ['党史研究院'], ['征研科']),
  party('zgh', '总工会', ['工会'], ['权益保障部', '组织部'], 'mass'),
  party('tw', '共青团委员会', ['团市委'], ['青少年发展部'], 'mass'),
  party('fl', '妇女联合会', ['妇联'], ['权益部', '家庭和儿童工作部'], 'mass'),
  party('kx', '科学技术协会', ['科协'], ['科普部'], 'mass'),
  party('cl', '残疾人联合会', ['残联'], ['康复部', '教育就业部'], 'mass'),
  party('gsl', '工商业联合会', ['工商联'], ['会员部'], 'mass'),
  party('hsh', '红十字会', ['红十字会'], ['赈济救护部'], 'mass'),
  party('wl2', '文学艺术界联合会', ['文联'], ['组联部'], 'mass'),
  party('ql', '归国华侨联合会', ['侨联'], ['联络部'], 'mass'),
  party('skl', '社会科学界联合会', ['社科联'], ['学会部'], 'mass'),
];

/** Offences common to many departments' penalty items. */
export const GENERIC_OFFENCES = [
  '未按规定办理备案手续', '拒绝、阻碍监督检查', '提供虚假材料取得许可', '未按规定报送有关信息', '擅自变更许可事项',
  '超出许可范围从事经营活动', '未按规定公示相关信息', '伪造、涂改、出租、出借许可证件', '未建立安全管理制度',
  '未按规定开展从业人员培训', '未按规定建立台账', '未按规定保存原始记录', '拒不执行责令改正决定', '未取得许可擅自从事相关活动',
  '未按规定设置安全警示标志', '未按规定进行定期检验', '隐瞒有关情况或者提供虚假信息', '未按规定履行告知义务',
  '未依法接受年度检查', '转让、出借资质证书', '未按规定投保相关保险', '未按规定配备专职管理人员', '未落实应急预案',
  '违规收取费用', '未按规定处置废弃物', '使用未经检验的设施设备', '未按规定进行信息登记', '擅自停业、歇业',
];

/** Inspection aspects, for 对X的{aspect}监督检查. */
export const INSPECTION_ASPECTS = ['', '安全生产', '日常', '质量', '经营行为', '资质', '信用', '专项'];

/** Supervision duties (监管责任) attached to items. */
export const SUPERVISION_DUTIES = [
  '加强事中事后监管，依法查处违法违规行为', '建立健全监管制度，落实“双随机、一公开”监管', '对投诉举报及时核查处理并反馈',
  '将处罚结果依法向社会公开', '对涉嫌犯罪的案件依法移送司法机关', '加强对行政相对人的信用监管',
  '因不履行或不正确履行行政职责，依法追究相关责任', '定期对许可事项实施情况开展监督检查', '按规定建立执法档案并归档管理',
  '加强与相关部门的信息共享和联合惩戒', '对行政相对人开展法治宣传和指导', '依法公开办事指南和办理结果',
];

/** Laws that item legal bases cite, by department key (a few repealed, for the dynamic review). */
export const LAWS: Record<string, string[]> = {
  default: ['中华人民共和国行政许可法', '中华人民共和国行政处罚法', '中华人民共和国行政强制法'],
  st: ['中华人民共和国环境保护法', '中华人民共和国大气污染防治法', '中华人民共和国噪声污染防治法', '中华人民共和国固体废物污染环境防治法', '排污许可管理条例'],
  zj: ['中华人民共和国建筑法', '建设工程质量管理条例', '中华人民共和国城市房地产管理法', '物业管理条例', '城镇燃气管理条例'],
  cg: ['城市市容和环境卫生管理条例', '城市道路管理条例', '城镇排水与污水处理条例', '城市绿化条例'],
  sc: ['中华人民共和国食品安全法', '中华人民共和国特种设备安全法', '中华人民共和国产品质量法', '中华人民共和国消费者权益保护法', '中华人民共和国市场主体登记管理条例'],
  ga: ['中华人民共和国治安管理处罚法', '中华人民共和国道路交通安全法', '中华人民共和国居民身份证法'],
  jt: ['中华人民共和国道路运输条例', '巡游出租汽车经营服务管理规定', '中华人民共和国公路法'],
  rs: ['劳动保障监察条例', '保障农民工工资支付条例', '中华人民共和国劳动合同法', '工伤保险条例'],
  wj: ['医疗机构管理条例', '公共场所卫生管理条例', '中华人民共和国医师法'],
  zr: ['中华人民共和国城乡规划法', '中华人民共和国土地管理法', '不动产登记暂行条例', '中华人民共和国矿产资源法'],
  yj: ['中华人民共和国安全生产法', '危险化学品安全管理条例', '烟花爆竹安全管理条例'],
  ny: ['农药管理条例', '中华人民共和国种子法', '中华人民共和国农产品质量安全法'],
  wl: ['旅行社条例', '娱乐场所管理条例', '互联网上网服务营业场所管理条例'],
};

/** Laws no longer in force: items citing only these are stale (the dynamic review finds them). */
export const REPEALED_LAWS: Record<string, string> = {
  st: '中华人民共和国环境噪声污染防治法',
  sc: '中华人民共和国公司登记管理条例',
  jt: '出租汽车经营服务管理规定（2014年版）',
  ga: '城市暂住人口管理规定',
};
