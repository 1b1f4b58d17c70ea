import type { INodePropertyOptions } from 'n8n-workflow';

// The regions the LCIC API reference lists (section "Service Address"). Empty = not sent:
// Tencent then serves the request from the region nearest to the caller.
export const LCIC_REGIONS: INodePropertyOptions[] = [
	{ name: 'Not Set (Nearest Region)', value: '' },
	{ name: 'Asia Pacific: Bangkok (Ap-Bangkok)', value: 'ap-bangkok' },
	{ name: 'Asia Pacific: Hong Kong, China (Ap-Hongkong)', value: 'ap-hongkong' },
	{ name: 'Asia Pacific: Mumbai (Ap-Mumbai)', value: 'ap-mumbai' },
	{ name: 'Asia Pacific: Seoul (Ap-Seoul)', value: 'ap-seoul' },
	{ name: 'Asia Pacific: Singapore (Ap-Singapore)', value: 'ap-singapore' },
	{ name: 'Asia Pacific: Tokyo (Ap-Tokyo)', value: 'ap-tokyo' },
	{ name: 'China: Beijing (Ap-Beijing)', value: 'ap-beijing' },
	{ name: 'China: Chengdu (Ap-Chengdu)', value: 'ap-chengdu' },
	{ name: 'China: Chongqing (Ap-Chongqing)', value: 'ap-chongqing' },
	{ name: 'China: Guangzhou (Ap-Guangzhou)', value: 'ap-guangzhou' },
	{ name: 'China: Shanghai (Ap-Shanghai)', value: 'ap-shanghai' },
	{ name: 'Europe: Frankfurt (Eu-Frankfurt)', value: 'eu-frankfurt' },
	{ name: 'North America: Toronto (Na-Toronto)', value: 'na-toronto' },
	{ name: 'US East: Virginia (Na-Ashburn)', value: 'na-ashburn' },
	{ name: 'US West: Silicon Valley (Na-Siliconvalley)', value: 'na-siliconvalley' },
];
