import type { PowerItemType } from '../../src/model/records.js';

/**
 * The matters (事项) of a generated city: what complaints are about and which departments hold
 * duties on them. `lead` names the department a published boundary item makes lead; a matter
 * with several holders and no lead is a planted overlap; one with no holder is a planted orphan.
 * `says` are complaint texts the way citizens (or hotline operators) put them, with slots.
 */
export interface MatterSpec {
  key: string;
  name: string;
  keywords: string[];
  parent?: string;
  holders: { dept: string; types: PowerItemType[] }[];
  /** Offence wording of penalty items: 对{act}的行政处罚. */
  act: string;
  /** Subject of inspection items: 对{object}的监督检查. */
  object: string;
  /** Licence or service name, for licensing/confirmation/benefit holders. */
  permit?: string;
  lead?: string;
  /** Relative number of complaints. */
  weight: number;
  says: string[];
}

const P: PowerItemType = 'penalty';
const I: PowerItemType = 'inspection';
const L: PowerItemType = 'licensing';
const C: PowerItemType = 'confirmation';
const B: PowerItemType = 'benefit';
const O: PowerItemType = 'other';

export const MATTER_GROUPS = [
  { key: 'noise', name: '噪声污染', keywords: ['噪声', '噪音', '扰民'] },
  { key: 'housing', name: '住房和房地产', keywords: ['住房', '房子'] },
  { key: 'labour', name: '劳动和社会保障', keywords: ['工资', '社保'] },
  { key: 'market', name: '市场秩序和消费维权', keywords: ['消费', '商家'] },
  { key: 'city', name: '市容和城市管理', keywords: ['市容', '城管'] },
  { key: 'traffic', name: '交通出行', keywords: ['交通', '出行'] },
  { key: 'environment', name: '生态环境', keywords: ['污染', '环境'] },
  { key: 'business', name: '企业开办和政务服务', keywords: ['办事', '审批'] },
  { key: 'health', name: '医疗卫生', keywords: ['医院', '看病'] },
  { key: 'social', name: '社会事务', keywords: ['救助', '养老'] },
] as const;

export const MATTERS: MatterSpec[] = [
  // The brief's case: noise at construction sites, led by ecology and environment after bouncing.
  { key: 'construction-noise', name: '建筑施工噪声', parent: 'noise', keywords: ['施工噪声', '工地噪音', '夜间施工', '施工扰民', '打桩', '工地'],
    holders: [{ dept: 'st', types: [P, I] }, { dept: 'cg', types: [P] }, { dept: 'zj', types: [I] }], lead: 'st',
    act: '在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业', object: '建筑施工场界噪声排放', weight: 60,
    says: ['{place}旁边的工地{time}还在施工，{feel}', '{place}附近工地天天夜里打桩，{feel}', '来电人反映：{place}建筑工地夜间施工噪音扰民，{ask}', '工地{time}还在浇筑混凝土，搅拌机声音特别大，{feel}', '{place}这个工地白天不干晚上干，机器轰鸣{dur}了，{feel}'] },
  { key: 'boundary-noise', name: '工业企业噪声及边界噪声超标', parent: 'noise', keywords: ['厂界噪声', '工厂噪音', '设备噪声', '噪声超标', '风机'],
    holders: [{ dept: 'st', types: [P, I] }, { dept: 'cg', types: [I] }], lead: 'st',
    act: '工业企业排放噪声超过国家规定的排放标准', object: '工业噪声排放单位', weight: 18,
    says: ['{place}旁边的工厂风机二十四小时运转，噪音特别大，{feel}', '来电人反映：{place}附近企业设备噪声超标，{ask}', '{place}的加工厂{time}机器一直响，{feel}'] },
  { key: 'social-noise', name: '社会生活噪声', parent: 'noise', keywords: ['广场舞', '高音喇叭', '音响', '商铺噪音', '酒吧'],
    holders: [{ dept: 'ga', types: [P] }, { dept: 'cg', types: [P] }],
    act: '在商业经营活动中使用高音广播喇叭招揽顾客', object: '商业经营噪声', weight: 30,
    says: ['{place}的广场舞音响开得太大声，每天{time}都吵，{feel}', '{place}门口的店铺用大喇叭循环播放促销广告，{feel}', '来电人反映：{place}附近酒吧{time}音乐声音过大，{ask}'] },
  // The brief's case: housing transactions and real-estate registration, two departments crossed.
  { key: 'housing-transaction', name: '房屋交易与不动产登记', parent: 'housing', keywords: ['网签备案', '房屋交易', '不动产登记', '房产证', '不动产权证', '过户', '二手房'],
    holders: [{ dept: 'zj', types: [C, L] }, { dept: 'zr', types: [C] }],
    act: '房地产开发企业未按规定办理房屋买卖合同网签备案', object: '房屋交易和登记行为', permit: '房屋买卖合同网签备案', weight: 40,
    says: ['买的新房交房{dur}了房产证还办不下来，开发商说等住建，登记中心说材料不全，{ask}', '二手房过户要先去交易窗口再去登记窗口，来回跑了好几趟，{ask}', '来电人反映：{place}项目业主办理不动产权证受阻，{ask}', '商品房网签备案信息有误，想更正不知道找谁'] },
  { key: 'property-service', name: '物业服务纠纷', parent: 'housing', keywords: ['物业', '物业费', '电梯坏了', '小区卫生', '业委会'],
    holders: [{ dept: 'zj', types: [P, I] }],
    act: '物业服务企业未按照物业服务合同提供服务', object: '物业服务企业', weight: 45,
    says: ['{place}物业不作为，楼道垃圾{dur}没人清理，{feel}', '我们小区电梯坏了{dur}物业一直不修，老人上下楼很困难，{ask}', '来电人反映：{place}物业公司乱收费，{ask}', '{place}物业擅自涨物业费，业主都不同意'] },
  { key: 'lift-retrofit', name: '既有住宅加装电梯', parent: 'housing', keywords: ['加装电梯', '老楼电梯', '增设电梯'],
    holders: [{ dept: 'zj', types: [O, I] }, { dept: 'zr', types: [L] }, { dept: 'sc', types: [I] }], lead: 'zj',
    act: '未按规定办理既有住宅增设电梯相关手续', object: '既有住宅增设电梯工程', permit: '既有住宅增设电梯规划许可', weight: 12,
    says: ['我们{place}的老楼想加装电梯，一楼住户不同意，{ask}', '加装电梯的审批手续太复杂了，不知道先找哪个部门', '来电人反映：{place}加装电梯施工影响通行，{ask}'] },
  { key: 'old-compound', name: '老旧小区改造', parent: 'housing', keywords: ['老旧小区', '小区改造', '雨污管网', '改造工程'],
    holders: [{ dept: 'zj', types: [O] }, { dept: 'cg', types: [I] }], lead: 'zj',
    act: '老旧小区改造工程施工单位未按规定文明施工', object: '老旧小区改造工程', weight: 14,
    says: ['{place}老旧小区改造挖开的路{dur}了还没恢复，{feel}', '来电人反映：{place}改造工程进度太慢，{ask}', '{place}改造后下水道还是堵，{ask}'] },
  { key: 'gas-safety', name: '燃气安全', parent: 'housing', keywords: ['燃气', '煤气', '天然气', '燃气泄漏', '液化气'],
    holders: [{ dept: 'zj', types: [P, I, L] }, { dept: 'yj', types: [I] }, { dept: 'sc', types: [I] }],
    act: '燃气经营者未按规定对燃气设施进行安全检查', object: '燃气经营企业', permit: '燃气经营许可', weight: 10,
    says: ['{place}闻到很重的燃气味，{ask}', '来电人反映：{place}餐馆违规使用液化气罐，存在安全隐患', '燃气公司上门安检收费，不知道合不合规'] },
  // The brief's wage arrears, and the rest of labour.
  { key: 'wage-arrears', name: '拖欠农民工工资', parent: 'labour', keywords: ['欠薪', '拖欠工资', '讨薪', '农民工工资', '包工头'],
    holders: [{ dept: 'rs', types: [P, I] }, { dept: 'zj', types: [I] }],
    act: '用人单位克扣或者无故拖欠劳动者工资报酬', object: '用人单位工资支付情况', weight: 55,
    says: ['在{place}工地干了{dur}活，包工头一直拖欠工资不给，{ask}', '公司拖欠{dur}工资了，老板说没钱，{ask}', '来电人反映：{place}项目拖欠农民工工资，涉及二十余人，{ask}', '饭店老板拖欠我三个月工资，讨薪无门'] },
  { key: 'social-insurance', name: '社会保险缴纳和待遇', parent: 'labour', keywords: ['社保', '养老保险', '五险一金', '断缴', '工伤'],
    holders: [{ dept: 'rs', types: [P, B, C] }],
    act: '用人单位未按规定为职工缴纳社会保险费', object: '社会保险费缴纳情况', permit: '养老保险待遇核定', weight: 30,
    says: ['公司一直没给我交社保，{ask}', '我的养老保险转移接续办了{dur}还没办好', '来电人反映：工伤认定结果一直没出来，{ask}'] },
  // Market order and consumers: the Market Supervision Bureau's busy matters.
  { key: 'food-safety', name: '食品安全', parent: 'market', keywords: ['过期食品', '食品变质', '食物中毒', '小作坊', '吃坏肚子', '异物'],
    holders: [{ dept: 'sc', types: [P, I] }],
    act: '经营不符合食品安全标准的食品', object: '食品生产经营者', permit: '食品经营许可', weight: 50,
    says: ['在{place}的超市买到过期面包，吃了拉肚子，{ask}', '{place}有个无证小作坊做豆制品，卫生条件很差', '来电人反映：{shop}饭菜里吃出异物，商家拒不处理', '{place}菜市场卖的肉有异味，怀疑变质'] },
  { key: 'consumer-dispute', name: '消费纠纷和预付卡', parent: 'market', keywords: ['退款', '预付卡', '跑路', '消费纠纷', '健身卡', '商家'],
    holders: [{ dept: 'sc', types: [P] }, { dept: 'sw', types: [I] }],
    act: '经营者侵害消费者合法权益', object: '单用途预付卡发卡企业', weight: 45,
    says: ['{shop}办了会员卡，现在店关门跑路了，{ask}', '在{place}买的手机有质量问题，商家不给退货', '来电人反映：{shop}预付卡余额无法退还，{ask}', '健身房突然停业，卡里还有两千多块钱'] },
  { key: 'price', name: '价格违法', parent: 'market', keywords: ['乱收费', '哄抬价格', '价格欺诈', '明码标价', '停车费'],
    holders: [{ dept: 'sc', types: [P, I] }, { dept: 'fgw', types: [O] }],
    act: '经营者不执行明码标价规定', object: '经营者价格行为', weight: 20,
    says: ['{place}的停车场乱收费，没有公示收费标准', '{shop}标价和结账价格不一样，{ask}', '来电人反映：{place}景区商店哄抬价格'] },
  { key: 'elevator-safety', name: '电梯运行安全', parent: 'market', keywords: ['电梯困人', '电梯故障', '电梯维保', '电梯'],
    holders: [{ dept: 'sc', types: [P, I, L] }],
    act: '电梯维护保养单位未按规定进行维护保养', object: '电梯使用单位和维保单位', permit: '特种设备使用登记', weight: 18,
    says: ['{place}的电梯经常困人，维保单位不负责，{ask}', '我们楼的电梯{dur}坏了三次了，太吓人了', '来电人反映：{place}电梯运行时异响，{ask}'] },
  { key: 'unlicensed-business', name: '无照经营', parent: 'market', keywords: ['无照经营', '无证经营', '营业执照'],
    holders: [{ dept: 'sc', types: [P] }],
    act: '未经设立登记从事经营活动', object: '市场主体登记事项', weight: 8,
    says: ['{place}有家店一直没有营业执照还在营业', '来电人反映：{place}有人无证经营，{ask}'] },
  // City management.
  { key: 'street-vendors', name: '占道经营', parent: 'city', keywords: ['占道经营', '流动摊贩', '马路市场', '摆摊', '出店经营'],
    holders: [{ dept: 'cg', types: [P] }],
    act: '擅自占用城市道路、广场等公共场所摆摊设点', object: '占道经营行为', weight: 45,
    says: ['{place}门口流动摊贩占道经营，车都过不去', '{place}十字路口{time}摆摊的太多了，{feel}', '来电人反映：{place}商户出店经营占用人行道，{ask}'] },
  { key: 'garbage', name: '垃圾清运和环境卫生', parent: 'city', keywords: ['垃圾', '垃圾桶', '环卫', '清运', '脏乱差'],
    holders: [{ dept: 'cg', types: [P, I] }],
    act: '随意倾倒、抛撒或者堆放生活垃圾', object: '环境卫生责任区', weight: 40,
    says: ['{place}的垃圾{dur}没人清运了，臭气熏天', '{place}路边垃圾桶满了没人管，{feel}', '来电人反映：{place}有人随意倾倒垃圾，{ask}'] },
  { key: 'construction-waste', name: '建筑垃圾和渣土运输', parent: 'city', keywords: ['渣土车', '建筑垃圾', '抛撒', '扬尘'],
    holders: [{ dept: 'cg', types: [P, L] }, { dept: 'jt', types: [I] }, { dept: 'st', types: [I] }], lead: 'cg',
    act: '运输建筑垃圾沿途丢弃、遗撒', object: '建筑垃圾运输车辆', permit: '城市建筑垃圾处置核准', weight: 16,
    says: ['{place}渣土车{time}来回跑，泥土撒了一路，{feel}', '来电人反映：{place}有人偷倒建筑垃圾，{ask}'] },
  { key: 'illegal-construction', name: '违法建设', parent: 'city', keywords: ['违建', '私搭乱建', '违章建筑', '楼顶加盖'],
    holders: [{ dept: 'cg', types: [P, I] }, { dept: 'zr', types: [P] }],
    act: '未取得建设工程规划许可证进行建设', object: '违法建设行为', weight: 28,
    says: ['{place}有住户在楼顶私搭乱建，{ask}', '邻居在小区绿地上盖了个小房子，{feel}', '来电人反映：{place}一楼住户违规扩建院子，{ask}'] },
  { key: 'outdoor-ads', name: '户外广告和招牌', parent: 'city', keywords: ['广告牌', '招牌', '户外广告', '横幅'],
    holders: [{ dept: 'cg', types: [P, L] }],
    act: '未经许可擅自设置大型户外广告', object: '户外广告设施', permit: '户外广告设施设置许可', weight: 8,
    says: ['{place}的广告牌歪了，刮风的时候很危险', '来电人反映：{place}商户招牌破损有坠落风险，{ask}'] },
  { key: 'shared-bikes', name: '共享单车乱停放', parent: 'city', keywords: ['共享单车', '单车乱停', '电单车', '共享电动车'],
    holders: [], act: '', object: '', weight: 16,
    says: ['{place}共享单车乱停乱放，把人行道都堵死了', '{place}门口共享电单车堆成山，没人清理', '来电人反映：{place}共享单车占用盲道，{ask}'] },
  { key: 'stray-animals', name: '流浪动物和犬只扰民', parent: 'city', keywords: ['流浪狗', '流浪猫', '狗叫', '遛狗不拴绳'],
    holders: [], act: '', object: '', weight: 12,
    says: ['{place}有几条流浪狗，晚上追着人叫，孩子不敢出门', '楼上邻居家的狗天天叫，{feel}', '{place}有人遛狗不拴绳，{ask}'] },
  // Traffic.
  { key: 'taxi', name: '出租汽车和网约车服务', parent: 'traffic', keywords: ['出租车', '拒载', '绕路', '网约车', '打表', '乱收费'],
    holders: [{ dept: 'jt', types: [P, I, L] }],
    act: '巡游出租汽车驾驶员拒载、绕道行驶', object: '出租汽车经营者', permit: '出租汽车经营许可', weight: 25,
    says: ['出租车司机拒载，还说不顺路，车牌号{plate}', '{time}坐网约车被绕路多收了钱，{ask}', '来电人反映：出租车{plate}不打表，{ask}'] },
  { key: 'bus-service', name: '公交运营服务', parent: 'traffic', keywords: ['公交车', '公交', '站点', '末班车', '班次'],
    holders: [{ dept: 'jt', types: [I, O] }],
    act: '公共汽车客运经营者未按规定线路和班次运营', object: '公交客运经营者', weight: 20,
    says: ['{place}的公交车经常半小时不来一趟，{ask}', '公交司机态度恶劣，没等人坐稳就开车', '来电人反映：{place}公交站点取消后出行不便，{ask}'] },
  { key: 'illegal-parking', name: '违法停车', parent: 'traffic', keywords: ['违停', '乱停车', '堵路', '占用消防通道'],
    holders: [{ dept: 'ga', types: [P] }, { dept: 'cg', types: [P] }],
    act: '机动车违反规定停放、临时停车', object: '机动车停放秩序', weight: 30,
    says: ['{place}门口天天有车违停，把路堵死了', '有车长期占用{place}消防通道，{ask}', '来电人反映：{place}路边乱停车严重，{ask}'] },
  { key: 'road-damage', name: '道路和井盖损坏', parent: 'traffic', keywords: ['路面塌陷', '井盖', '坑洼', '路灯不亮'],
    holders: [{ dept: 'cg', types: [P, O] }, { dept: 'jt', types: [O] }], lead: 'cg',
    act: '擅自挖掘城市道路', object: '城市道路和市政设施', permit: '挖掘城市道路许可', weight: 24,
    says: ['{place}路面有个大坑，晚上骑电动车很危险', '{place}的井盖丢了{dur}了，{ask}', '{place}路灯{dur}不亮了，晚上黑乎乎的'] },
  // Environment.
  { key: 'air-pollution', name: '大气污染和异味', parent: 'environment', keywords: ['异味', '臭味', '冒黑烟', '废气', '烧垃圾'],
    holders: [{ dept: 'st', types: [P, I] }],
    act: '排放大气污染物超过国家或者地方规定的排放标准', object: '大气污染物排放单位', weight: 30,
    says: ['{place}附近工厂{time}排放刺鼻气味，{feel}', '{place}有人露天焚烧垃圾，烟很大', '来电人反映：{place}企业烟囱冒黑烟，{ask}'] },
  { key: 'catering-fumes', name: '餐饮油烟', parent: 'environment', keywords: ['油烟', '烧烤', '饭店油烟', '排烟'],
    holders: [{ dept: 'cg', types: [P] }, { dept: 'st', types: [I] }],
    act: '排放油烟的餐饮服务业经营者未安装油烟净化设施', object: '餐饮服务经营者', weight: 22,
    says: ['楼下饭店油烟直接往居民楼排，{feel}', '{place}的烧烤摊{time}烟熏火燎，{ask}', '来电人反映：{shop}排烟管道对着住户窗户，{ask}'] },
  { key: 'water-pollution', name: '水污染', parent: 'environment', keywords: ['污水', '河道', '黑臭', '排污'],
    holders: [{ dept: 'st', types: [P, I] }, { dept: 'sl', types: [I] }],
    act: '违法排放水污染物', object: '水污染物排放单位', weight: 14,
    says: ['{place}附近的河水发黑发臭，{ask}', '有企业往河里偷排污水，{feel}', '来电人反映：{place}排水口有污水流入河道，{ask}'] },
  // Business and government services: includes the brief's foreign-investment registration case.
  { key: 'foreign-enterprise', name: '外商投资企业登记', parent: 'business', keywords: ['外资企业', '外商投资', '外企注册', '中外合资'],
    holders: [{ dept: 'sp', types: [L] }],
    act: '外商投资企业未按规定办理变更登记', object: '外商投资企业登记事项', permit: '外商投资企业设立、变更、注销登记', weight: 4,
    says: ['想注册一家中外合资公司，外资企业设立登记需要准备哪些材料', '外商投资企业变更登记在哪里办', '来电人咨询外资企业注册流程'] },
  { key: 'enterprise-registration', name: '企业登记注册', parent: 'business', keywords: ['营业执照', '企业注册', '公司变更', '注销', '开办企业'],
    holders: [{ dept: 'sp', types: [L] }, { dept: 'sc', types: [P] }],
    act: '提交虚假材料骗取市场主体登记', object: '市场主体登记', permit: '内资企业设立登记', weight: 20,
    says: ['办营业执照网上提交了{dur}一直没审核', '公司注销流程太复杂，跑了好几趟', '来电人反映：企业变更登记被退回多次，{ask}'] },
  { key: 'construction-permit', name: '工程建设项目审批', parent: 'business', keywords: ['施工许可', '项目审批', '规划许可', '竣工验收'],
    holders: [{ dept: 'sp', types: [L] }, { dept: 'zr', types: [L] }, { dept: 'zj', types: [C] }],
    act: '未取得施工许可证擅自施工', object: '工程建设项目', permit: '建筑工程施工许可证核发', weight: 6,
    says: ['项目施工许可证申请材料被退回，不知道还缺什么', '来电人反映：竣工验收备案办理时间过长，{ask}'] },
  { key: 'provident-fund', name: '住房公积金', parent: 'business', keywords: ['公积金', '公积金提取', '公积金贷款'],
    holders: [{ dept: 'gjj', types: [B, C] }],
    act: '单位不办理住房公积金缴存登记', object: '住房公积金缴存单位', permit: '住房公积金提取', weight: 18,
    says: ['公积金提取申请了{dur}还没到账', '单位一直不给交公积金，{ask}', '来电人咨询公积金贷款额度怎么计算'] },
  // Health.
  { key: 'medical-service', name: '医疗服务和医患纠纷', parent: 'health', keywords: ['医院', '看病', '医生', '医疗纠纷', '挂号'],
    holders: [{ dept: 'wj', types: [P, I] }],
    act: '医疗机构使用非卫生技术人员从事医疗卫生技术工作', object: '医疗机构', permit: '医疗机构执业许可', weight: 30,
    says: ['在{place}医院看病排了{dur}队，医生态度很差', '{place}诊所乱收费，{ask}', '来电人反映：家属在医院治疗后病情加重，怀疑医疗事故'] },
  { key: 'medical-insurance', name: '医保报销', parent: 'health', keywords: ['医保', '报销', '异地就医', '门诊慢病'],
    holders: [{ dept: 'yb', types: [B, C] }],
    act: '定点医药机构骗取医疗保障基金支出', object: '定点医药机构', permit: '医疗费用报销', weight: 25,
    says: ['异地住院的医疗费报销了{dur}还没到账', '门诊慢病申请被拒了，不知道什么原因', '来电人反映：药店医保卡不能刷，{ask}'] },
  // Social affairs.
  { key: 'subsistence', name: '低保和社会救助', parent: 'social', keywords: ['低保', '救助', '困难补助', '特困'],
    holders: [{ dept: 'mz', types: [B] }],
    act: '以虚报、隐瞒、伪造等手段骗取社会救助资金', object: '社会救助对象', permit: '最低生活保障', weight: 20,
    says: ['家里困难申请低保被拒了，{ask}', '来电人反映：特困供养金{dur}没发了', '想给老人申请困难补助，不知道怎么办理'] },
  { key: 'elderly-care', name: '养老服务', parent: 'social', keywords: ['养老院', '养老服务', '老年人', '高龄补贴'],
    holders: [{ dept: 'mz', types: [P, I, B] }, { dept: 'wj', types: [I] }],
    act: '养老机构未按规定提供养老服务', object: '养老机构', permit: '高龄津贴', weight: 16,
    says: ['{place}养老院护工对老人态度不好，{ask}', '高龄补贴申请了{dur}一直没发', '来电人反映：{place}养老机构收费不透明'] },
  { key: 'school-education', name: '中小学教育和校外培训', parent: 'social', keywords: ['学校', '入学', '补课', '校外培训', '学区'],
    holders: [{ dept: 'jy', types: [P, I, L] }],
    act: '校外培训机构未经批准开展学科类培训', object: '校外培训机构', permit: '民办学校办学许可', weight: 24,
    says: ['孩子上学划片不合理，离家太远，{ask}', '{place}有培训机构偷偷搞学科补课', '来电人反映：学校老师变相有偿补课，{ask}'] },
  { key: 'hukou', name: '户籍和证件办理', parent: 'social', keywords: ['户口', '身份证', '落户', '居住证'],
    holders: [{ dept: 'ga', types: [C] }],
    act: '冒用他人居民身份证', object: '户籍管理', permit: '户口迁移登记', weight: 16,
    says: ['孩子落户需要哪些材料，派出所说法不一样', '身份证补办了{dur}还没拿到', '来电人咨询居住证办理条件'] },
  { key: 'fire-hazard', name: '消防安全隐患', parent: 'social', keywords: ['消防通道', '电动车充电', '飞线充电', '火灾隐患'],
    holders: [{ dept: 'xfj', types: [P, I] }, { dept: 'yj', types: [I] }],
    act: '占用、堵塞、封闭疏散通道、安全出口', object: '消防安全重点单位', weight: 18,
    says: ['{place}有人在楼道里给电动车飞线充电，很危险', '{place}的消防通道被杂物堵死了，{ask}', '来电人反映：{shop}消防设施损坏，{ask}'] },
  { key: 'tourism', name: '旅游市场秩序', parent: 'market', keywords: ['旅行社', '导游', '景区', '强制购物'],
    holders: [{ dept: 'wl', types: [P, I, L] }],
    act: '旅行社安排强迫或者变相强迫旅游者购物', object: '旅行社', permit: '旅行社业务经营许可', weight: 8,
    says: ['跟团游被导游强制购物，{ask}', '{place}景区门票价格和宣传不一致', '来电人反映：旅行社临时取消行程不退钱'] },
  { key: 'heating', name: '城市供热', parent: 'housing', keywords: ['暖气不热', '供暖', '供热', '取暖费'],
    holders: [{ dept: 'zj', types: [I, O] }, { dept: 'cg', types: [I] }],
    act: '供热单位未按规定的供热期和温度标准供热', object: '供热企业', weight: 22,
    says: ['{place}的暖气不热，室温才十几度，{ask}', '交了取暖费暖气一直不热，{feel}', '来电人反映：{place}供热管道漏水，{ask}'] },
];

/** Slot fillers for `says`. */
export const SAY_SLOTS = {
  time: ['晚上十一点多', '凌晨一两点', '每天早上五点多', '半夜', '晚上十点以后', '周末一大早', '中午休息时间'],
  feel: ['吵得孩子根本睡不着', '严重影响休息', '到底有没有人管', '希望尽快处理', '投诉好几次了都没用', '实在受不了了', '影响很不好'],
  ask: ['请相关部门处理', '希望尽快解决', '要求给个说法', '请有关部门核实处理', '希望相关部门管一管'],
  dur: ['两个多月', '半年', '一个多星期', '三个月', '好几天', '一年多'],
  shop: ['一家健身房', '小区门口的理发店', '一家培训机构', '附近的饭店', '一家美容院', '商场里的服装店'],
};

/** Polite openings citizens use; an empty one keeps the text as is. */
export const SAY_OPENINGS = ['', '', '', '您好，', '我要反映一下，', '你好，我想投诉，', '麻烦问一下，'];
